// What a shopper, a support person and an editor see and do, in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { startAisle, screenshots } from "./harness.mjs";

let aisle, shopper;

before(async () => {
  aisle = await startAisle();
  shopper = await (await aisle.browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
});

after(async () => { if (aisle) await aisle.stop(); });

/** Opens the widget on the demo shop page. */
async function openChat(page) {
  await page.goto(aisle.base + "/");
  await page.getByRole("button", { name: "Chat with us" }).click();
  await page.getByRole("textbox", { name: "Your message" }).waitFor();
}

/** Sends a message and returns the assistant's bubble; records how its text grew. */
async function ask(page, text) {
  const before = await page.locator("#aisle-widget li.assistant").count();
  await page.getByRole("textbox", { name: "Your message" }).fill(text);
  await page.getByRole("textbox", { name: "Your message" }).press("Enter");
  const bubble = page.locator("#aisle-widget li.assistant").nth(before);
  await bubble.waitFor();
  let cardsWhileWriting = false;
  for (let i = 0; i < 1200; i++) {
    if ((await bubble.getAttribute("aria-busy")) === null) break;
    if ((await bubble.locator(".sources").count()) > 0) cardsWhileWriting = true;
    await page.waitForTimeout(50);
  }
  return { bubble, cardsWhileWriting };
}

test("a shopper asks and sees a streamed answer citing the catalog", async () => {
  await openChat(shopper);
  // A question for the model (a price, or the product as a whole, is answered from the catalog at once).
  const { bubble, cardsWhileWriting } = await ask(shopper, "Would the Beats Flex wireless earphones suit someone who runs?");
  const text = await bubble.locator(".text").textContent();
  assert.ok(text.length > 20, text);
  // The catalog's cards come at once; the words follow a checked sentence at a time.
  assert.ok(cardsWhileWriting, "the cards were shown while the answer was still being written");
  const card = bubble.locator(".source").first();
  assert.match(await card.textContent(), /Beats Flex/);
  assert.match(await card.textContent(), /\$49\.99/, "the card's price comes from the catalog");
  const cardsFirst = await bubble.evaluate((li) =>
    Boolean(li.querySelector(".sources").compareDocumentPosition(li.querySelector(".text")) & Node.DOCUMENT_POSITION_FOLLOWING));
  assert.ok(cardsFirst, "the cards are shown above the answer");
  await bubble.locator(".thumbs").getByRole("button", { name: "Helpful", exact: true }).click();
  await bubble.locator('.thumbs button[aria-pressed="true"]').waitFor();
  await shopper.screenshot({ path: join(screenshots, "shop-widget.png") });
});

test("a shopper asks for a person; staff claim and reply; the shopper sees it live", async () => {
  await shopper.getByRole("button", { name: "Talk to a person" }).click();
  await shopper.locator("#aisle-widget .aisle-status").filter({ hasText: "queue" }).waitFor();

  const staff = await (await aisle.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await staff.goto(aisle.base + "/staff");
  await staff.getByLabel("Staff token").fill(aisle.tokens.staff);
  await staff.getByRole("button", { name: "Sign in" }).click();
  const item = staff.locator("#queue li").filter({ hasText: "talk to a person" });
  await item.getByRole("button").click();
  await staff.getByRole("button", { name: "Claim", exact: true }).click();
  await staff.locator("#conv-status").filter({ hasText: "with Sam" }).waitFor();
  await shopper.locator("#aisle-widget li.note").filter({ hasText: "Sam from our team has joined" }).waitFor();

  // Text from anyone is shown as text: markup in a reply never becomes HTML.
  const reply = 'Hi, I\'m Sam. Happy to help <img src=x onerror="window.__pwned=1">';
  await staff.getByLabel("Reply to the shopper").fill(reply);
  await staff.getByRole("button", { name: "Send" }).click();
  const seen = shopper.locator("#aisle-widget li.staff").filter({ hasText: "Hi, I'm Sam" });
  await seen.waitFor();
  assert.equal(await seen.locator(".text").textContent(), reply);
  assert.equal(await shopper.locator("#aisle-widget img").count(), 0);
  assert.equal(await shopper.evaluate(() => window.__pwned), undefined);

  // The summary is written for the person who took over.
  await staff.locator("#conv-summary").filter({ hasNotText: "being written" }).waitFor({ timeout: 60000 });
  await staff.screenshot({ path: join(screenshots, "staff-console.png"), fullPage: true });
  await shopper.screenshot({ path: join(screenshots, "shop-with-staff.png") });
  await staff.getByRole("button", { name: "Resolve" }).click();
  await shopper.locator("#aisle-widget li.note").filter({ hasText: "resolved" }).waitFor();
});

test("an editor changes an FAQ and the next answer uses the new text", async () => {
  const editor = await (await aisle.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await editor.goto(aisle.base + "/kb");
  await editor.getByLabel("Editor token").fill(aisle.tokens.editor);
  await editor.getByRole("button", { name: "Sign in" }).click();
  await editor.getByLabel("Search").fill("payment");
  await editor.locator("#articles li").filter({ hasText: "payment-methods" }).getByRole("button").click();
  const body = editor.getByLabel("Text");
  await editor.locator("#f-meta").filter({ hasText: "Revision 1" }).waitFor();
  // FAQ text, like every text, reaches pages as text only, and markup never reaches them at all.
  await body.fill((await body.inputValue()) + ' We now also accept Klarna instalments. <img src=x onerror="window.__pwned=1">');
  await editor.getByLabel("How would Aisle answer, with this draft?").fill("Which payment methods do you accept?");
  await editor.getByRole("button", { name: "Preview" }).click();
  await editor.locator("#preview").filter({ hasText: "Klarna" }).waitFor();
  await editor.getByRole("button", { name: "Save" }).click();
  await editor.locator("#edit-ok").filter({ hasText: "Saved revision 2" }).waitFor();
  await editor.locator("#history li").filter({ hasText: "edited by Eve" }).waitFor();
  await editor.screenshot({ path: join(screenshots, "kb-editor.png"), fullPage: true });

  const next = await (await aisle.browser.newContext()).newPage();
  await openChat(next);
  const { bubble } = await ask(next, "Which payment methods do you accept?");
  // Markup in an article is rendered to plain text before anyone sees it: the words stay, the tag goes.
  const said = await bubble.locator(".text").textContent();
  assert.match(said, /Klarna instalments\./);
  assert.doesNotMatch(said, /<img|onerror/);
  assert.equal(await next.locator("#aisle-widget img").count(), 0);
  assert.equal(await next.evaluate(() => window.__pwned), undefined);
  assert.equal(await editor.evaluate(() => window.__pwned), undefined);
});

test("a shopper asks where their order is, proves it is theirs, and sees its card with the tracking link", async () => {
  const page = await (await aisle.browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
  await openChat(page);
  const asked = await ask(page, "Where is my order?");
  assert.match(await asked.bubble.locator(".text").textContent(), /order number and the email/);
  assert.equal(await asked.bubble.locator(".source.order").count(), 0, "nothing about an order before it is proven");

  const { bubble } = await ask(page, "It's AS-10481, ann.lee@example.com");
  assert.match(await bubble.locator(".text").textContent(), /dispatched on .* with DHL/);
  const card = bubble.locator(".source.order");
  await card.waitFor();
  assert.match(await card.textContent(), /Order AS-10481 · dispatched/);
  assert.match(await card.textContent(), /1 × Apple Airpods/);
  const track = card.getByRole("link", { name: "Track parcel" });
  assert.equal(await track.getAttribute("href"), "https://track.example-carrier.com/JD014600006281");
  await page.screenshot({ path: join(screenshots, "order-card.png") });
});

// A shop's own page at `path` (its <html> attributes given), embedding the widget with its one
// tag, opened in a browser set to `locale`.
async function shopPage(path, htmlAttributes, locale) {
  const page = await (await aisle.browser.newContext({ viewport: { width: 1200, height: 800 }, locale })).newPage();
  await page.route(aisle.base + path, (route) => route.fulfill({
    contentType: "text/html; charset=utf-8",
    body: `<!doctype html><html${htmlAttributes}><head><title>Shop</title></head><body><h1>Shop</h1>`
      + '<script src="/widget.js" defer></script></body></html>',
  }));
  await page.goto(aisle.base + path);
  return page;
}

test("on a French page the widget speaks French and shows prices as a French shopper reads them", async () => {
  // A shop's own page, in French, in an English browser.
  const page = await shopPage("/boutique", ' lang="fr"', "en-US");
  await page.getByRole("button", { name: "Discuter avec nous" }).click();
  const input = page.getByRole("textbox", { name: "Votre message" });
  await input.waitFor();
  assert.equal(await input.getAttribute("placeholder"), "Posez une question sur un produit, la livraison, les retours…");
  await page.locator("#aisle-widget li.note").filter({ hasText: "Bonjour" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Parler à une personne" }).count(), 1);

  await input.fill("Combien coûte l'iPhone 13 Pro ?");
  await input.press("Enter");
  const bubble = page.locator("#aisle-widget li.assistant").first();
  await bubble.locator(".thumbs").waitFor({ timeout: 120000 });
  assert.match(await bubble.locator(".text").textContent(), /Le prix du iPhone 13 Pro est de 1\s099,99\s\$US/);
  assert.match(await bubble.locator(".source").first().textContent(), /1\s099,99\s\$US · en stock/);
  assert.equal(await bubble.locator(".thumbs").getByRole("button", { name: "Utile", exact: true }).count(), 1);
  assert.match(await bubble.locator(".thumbs").textContent(), /Utile \?/);
  await page.screenshot({ path: join(screenshots, "widget-fr.png") });
});

test("where neither the page nor the browser names a language Aisle speaks, the widget follows the conversation's", async () => {
  // An Italian browser (not supported) on a page that names no language: English until the
  // shopper writes Spanish, then Spanish.
  const page = await shopPage("/negozio", "", "it-IT");
  await page.getByRole("button", { name: "Chat with us" }).click();
  const input = page.getByRole("textbox", { name: "Your message" });
  await input.fill("¿Cuánto cuesta el iPhone 13 Pro?");
  await input.press("Enter");
  await page.locator("#aisle-widget li.assistant .thumbs").first().waitFor({ timeout: 120000 });
  const spanish = page.getByRole("textbox", { name: "Su mensaje" });
  await spanish.waitFor();
  assert.equal(await spanish.getAttribute("placeholder"), "Pregunte por un producto, el envío, las devoluciones…");
  assert.equal(await page.getByRole("button", { name: "Hablar con una persona" }).count(), 1);
  assert.equal(await page.locator("#aisle-widget section").getAttribute("lang"), "es");
});
