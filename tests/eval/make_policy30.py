#!/usr/bin/env python3
"""Writes answers-policy-fresh30.jsonl: 44 policy questions, one or two per article, worded away
from the articles and their listed questions, with the words a right answer must hold (`any`),
a yes where the article says no (`forbid`) and the article to cite. Written during a session
(2026-12-06, tenth round) after policy-fresh29's first run, before the FAQ shortcut's check
against the editors' questions ran on it: that change's held-out measure. Do not tune on it.

    python3 tests/eval/make_policy30.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_policy28 import write  # noqa: E402

NO = ["Yes,", "Yes."]

QUESTIONS = [
    ("I'm ordering $20 of stuff, what's the postage?", ["4.99"], [], "shipping-costs"),
    ("Is next-day style shipping more expensive, and by how much?", ["14.99"], [], "shipping-costs"),
    ("Can you send an order to Mexico?", ["North America"], [], "international-shipping"),
    ("Will my parcel to France be charged duty, and who pays it?", ["recipient"], [], "international-shipping"),
    ("Do you take Apple Pay?", ["Apple Pay"], [], "payment-methods"),
    ("Can I settle a $900 purchase with a bank wire?", ["bank transfer"], [], "payment-methods"),
    ("Is a credit check needed to pay monthly?", ["credit check"], [], "installments"),
    ("Can I use one gift card across a few purchases?", ["several orders"], [], "gift-cards"),
    ("Is the price printed on the slip when I send a present?", ["left off"], [], "gift-wrapping"),
    ("Your parcel came back to you, when do I get paid back?", ["5 business days"], [], "refunds"),
    ("I paid with a gift card, how is my refund given?", ["gift card credit"], [], "refunds"),
    ("Sending back a faulty kettle, do I pay the postage?", ["free", "we pay"], [], "return-shipping-cost"),
    ("How do I get a prepaid label to send something back?", ["Return items", "prepaid return label"], [], "how-to-return"),
    ("Can I change the delivery address on an order that has already left?", ["dispatched"], [], "order-changes"),
    ("Where can I follow my order once it has shipped?", ["tracking number", "Account > Orders"], [], "order-tracking"),
    ("The parcel tracker hasn't updated in six business days", ["investigation"], [], "order-tracking"),
    ("Neighbours haven't got my parcel either and it says delivered", ["claim with the carrier", "contact us"], [], "lost-parcel"),
    ("The lamp arrived with a crack, will you send another one?", ["free replacement", "replacement"], [], "missing-or-damaged"),
    ("What's 100 loyalty points worth?", ["$5"], [], "loyalty-program"),
    ("When do points land in my account after an order?", ["return window"], [], "loyalty-program"),
    ("Is there money off for people still at school or college?", ["10%"], [], "student-discount"),
    ("Do you give a discount to the armed forces?", ["military"], NO, "student-discount"),
    ("Can I use a coupon on items already on sale?", ["cannot be combined", "unless stated"], [], "discount-codes"),
    ("My discount code won't apply, why?", ["expiry date", "minimum order"], [], "discount-codes"),
    ("If you drop the price a few days after my order, can I claim the difference?", ["7 days"], [], "price-match"),
    ("Do you keep a record of my card number?", ["never see or store", "never"], NO, "payment-security"),
    ("Someone emailed asking for my card details, was that you?", ["never ask"], NO, "payment-security"),
    ("Was I billed for the payment that didn't go through?", ["never charged"], NO, "payment-declined"),
    ("Can I download everything you have stored about me?", ["copy of your data", "contact page"], [], "privacy-policy"),
    ("How long does the reset email link stay active?", ["1 hour"], [], "password-reset"),
    ("After deleting my account, how long until my data is gone?", ["30 days"], [], "delete-account"),
    ("Do I have to open an account to check out?", ["guest"], [], "create-account"),
    ("Does the warranty cover the battery wearing out over time?", ["wear and tear"], NO, "warranty-policy"),
    ("What do you need from me to claim on a broken item under guarantee?", ["order number", "description of the fault"], [], "warranty-claims"),
    ("Is anyone answering emails on a Sunday?", ["next business day"], [], "contact-hours"),
    ("How quickly do you reply to an email?", ["one business day"], [], "contact-hours"),
    ("Where could I try out a car before paying the deposit?", ["partner dealers"], [], "vehicles-purchase"),
    ("Will you email me when the out-of-stock jacket comes back?", ["Notify me"], [], "stock-availability"),
    ("I'm between a 9 and a 10 in shoes, what should I do?", ["evening", "chart"], [], "sizing-guide"),
    ("If I order at 4 pm on a Tuesday, from which day does shipping count?", ["next business day"], [], "shipping-times"),
    ("Do I pay extra to exchange a shirt for a larger size?", ["free"], [], "exchanges"),
    ("Can I send back an opened lipstick?", ["cannot be returned"], NO, "returns-policy"),
    ("The yogurt was past its date when it arrived, what now?", ["48 hours"], [], "groceries-delivery"),
    ("My headphones stopped working after 3 days, can I return them?", ["full refund", "replacement"], [], "faulty-item"),
]

if __name__ == "__main__":
    write("answers-policy-fresh30.jsonl", "r30", QUESTIONS)
