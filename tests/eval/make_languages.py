#!/usr/bin/env python3
"""Writes the labelled non-English answer sets: answers-lang-tuning.jsonl (tune on this one),
answers-lang-heldout.jsonl (written before the code it measures ran; its first run is the unseen
figure, and the failure classes it showed were then fixed, so later runs of it are seen) and
answers-lang-fresh.jsonl (written after that first run, before the fixes were measured: their
unseen check). The two share no wording. Questions are written natively in each language, some
translated from the English sets, some mixed ("precio del iPhone 13 Pro"). Expected values are
read from the demo catalog, so a changed catalog gives changed labels.

Each conversation carries `lang`: the answer must be in that language (see `aisle eval answers`).
Amounts are matched as their digits in any locale's grouping ("1.099,99", "1,099.99", "1 099,99").

    python3 tests/eval/make_languages.py    # rewrites both files
"""
import json
from pathlib import Path

HERE = Path(__file__).parent
CATALOG = {p["title"]: p for p in json.loads((HERE / "../../knowledge/catalog/products.json").read_text())}


def money_forms(v):
    """The ways a price is written across locales, without the currency sign."""
    whole, cents = f"{v:.2f}".split(".")
    grouped = f"{int(whole):,}"
    return sorted({f"{grouped}.{cents}", f"{grouped.replace(',', '.')},{cents}", f"{grouped.replace(',', ' ')},{cents}",
                   f"{whole},{cents}", f"{whole}.{cents}"})


def sku(title):
    return CATALOG[title]["sku"]


# Words that say "cannot be returned", "out of stock", a duration, per language.
NO_RETURN = {
    "es": ["no se puede devolver", "no admite devolución", "sin política de devoluciones", "no es posible devolver", "no acepta devoluciones"],
    "fr": ["ne peut pas être retourné", "pas de politique de retour", "non retournable", "ne peut être retourné", "pas de retour"],
    "de": ["nicht zurückgegeben", "keine rückgabe", "nicht zurückgeben", "keine rückgaberegelung", "nicht rückgabefähig"],
    "zh": ["不支持退货", "不能退货", "无退货政策", "不可退货", "无法退货", "不接受退货"],
    "ja": ["返品できません", "返品不可", "返品ポリシーなし", "返品はできません", "返品を受け付けて"],
}
YES_RETURN = {
    "es": ["sí, puede devolver", "sí, se puede devolver"],
    "fr": ["oui, vous pouvez le retourner", "oui, vous pouvez retourner"],
    "de": ["ja, sie können"],
    "zh": ["可以退货"],
    "ja": ["返品できます"],
}
DAYS = {"es": ["{n} días", "{n} dias"], "fr": ["{n} jours"], "de": ["{n} Tage", "{n} Tagen"],
        "zh": ["{n} 天", "{n}天"], "ja": ["{n} 日", "{n}日"]}
YEARS = {"es": ["{n} año", "{n} años"], "fr": ["{n} an", "{n} ans"], "de": ["{n} Jahr", "{n} Jahre"],
         "zh": ["{n} 年", "{n}年"], "ja": ["{n} 年", "{n}年"]}
MONTHS = {"es": ["{n} mes", "{n} meses"], "fr": ["{n} mois"], "de": ["{n} Monat", "{n} Monate", "{n} Monaten"],
          "zh": ["{n} 个月", "{n}个月", "{n}個月"], "ja": ["{n} か月", "{n}か月", "{n}ヶ月", "{n}カ月", "{n}ヵ月"]}
WEEKS = {"es": ["{n} semana", "{n} semanas"], "fr": ["{n} semaine", "{n} semaines"], "de": ["{n} Woche", "{n} Wochen"],
         "zh": ["{n} 周", "{n}周", "{n}个星期"], "ja": ["{n} 週間", "{n}週間"]}
# A warranty's unit (the word after its number in the catalog) and how each language says it.
UNITS = {"year": YEARS, "month": MONTHS, "week": WEEKS, "day": DAYS}
OUT = {"es": ["agotado", "sin existencias", "no nos queda", "no tenemos", "no hay"],
       "fr": ["rupture", "plus de", "n'avons pas", "pas en stock", "il n'y a pas"],
       "de": ["nicht auf lager", "keine", "ausverkauft"], "zh": ["缺货", "没有库存", "无货"], "ja": ["在庫切れ", "在庫がありません", "在庫なし"]}


def forms(table, lang, n):
    return [f.format(n=n) for f in table[lang]] + [f"{n} year", f"{n} day"]


def price(lang, id_, text, title, split="heldout"):
    return dict(id=id_, split=split, lang=lang, kind="attribute", attr="price", turns=[text],
                any=money_forms(CATALOG[title]["price"]), cites=[sku(title)])


def returns(lang, id_, text, title, split="heldout"):
    p = CATALOG[title]
    policy = p["returnPolicy"]
    if policy.startswith("No"):
        return dict(id=id_, split=split, lang=lang, kind="attribute", attr="returns", turns=[text], any=NO_RETURN[lang],
                    forbid=YES_RETURN[lang], cites=[sku(title)])
    n = int(policy.split()[0])
    return dict(id=id_, split=split, lang=lang, kind="attribute", attr="returns", turns=[text], any=forms(DAYS, lang, n),
                forbid=NO_RETURN[lang], cites=[sku(title)])


NO_WARRANTY = {"es": ["no tiene garantía", "sin garantía"], "fr": ["pas de garantie", "aucune garantie"],
               "de": ["keine garantie"], "zh": ["没有保修", "无保修", "不提供保修"], "ja": ["保証がありません", "保証はありません", "保証なし"]}
IN_STOCK = {"es": ["en existencias", "en stock", "disponible"], "fr": ["en stock", "disponible"], "de": ["auf lager", "verfügbar", "vorrätig"],
            "zh": ["有货", "库存"], "ja": ["在庫あり", "在庫があります", "在庫は"]}


# A warranty for the product's life, as each language says it (answers said it in English,
# "lifetime warranty", until 2026-12-05; both are right).
LIFETIME = {"es": ["de por vida", "vitalicia"], "fr": ["à vie"], "de": ["lebenslang"], "zh": ["终身"], "ja": ["永久", "生涯"]}


def warranty(lang, id_, text, title, split="heldout"):
    w = CATALOG[title]["warrantyInformation"]
    if w.lower().startswith("no "):
        return dict(id=id_, split=split, lang=lang, kind="attribute", attr="warranty", turns=[text], any=NO_WARRANTY[lang],
                    cites=[sku(title)])
    n, unit = w.split()[0], w.split()[1].rstrip("s") if len(w.split()) > 1 else "year"
    if unit not in UNITS:  # "Lifetime warranty": no number to say, the language's word for it
        return dict(id=id_, split=split, lang=lang, kind="attribute", attr="warranty", turns=[text],
                    any=forms(YEARS, lang, n) + [w.lower()] + LIFETIME[lang], cites=[sku(title)])
    said = [f.format(n=n) for f in UNITS[unit][lang]] + [f"{n} {unit}"]
    return dict(id=id_, split=split, lang=lang, kind="attribute", attr="warranty", turns=[text],
                any=said + [w.lower()], cites=[sku(title)])


def stock(lang, id_, text, title, split="heldout"):
    s = CATALOG[title]["stock"]
    if s == 0:
        return dict(id=id_, split=split, lang=lang, kind="attribute", attr="stock", turns=[text], any=OUT[lang], cites=[sku(title)])
    return dict(id=id_, split=split, lang=lang, kind="attribute", attr="stock", turns=[text], any=[str(s)] + IN_STOCK[lang],
                forbid=OUT[lang], cites=[sku(title)])


def names(lang, id_, kind, text, titles, split="heldout", turns=None):
    return dict(id=id_, split=split, lang=lang, kind=kind, turns=turns or [text], any=list(titles), cites=[sku(t) for t in titles])


def policy(lang, id_, text, any_, cites, forbid=(), split="heldout"):
    return dict(id=id_, split=split, lang=lang, kind="policy", turns=[text], any=any_, forbid=list(forbid), cites=cites)


def escalate(lang, id_, text, wanted, split="heldout"):
    return dict(id=id_, split=split, lang=lang, kind="escalation", turns=[text], escalate=wanted)


def chit(lang, id_, text, any_, split="heldout"):
    return dict(id=id_, split=split, lang=lang, kind="greeting", turns=[text], any=any_, escalate=False)


def followup(lang, id_, turns, title, split="heldout"):
    return dict(id=id_, split=split, lang=lang, kind="followup", turns=turns, any=money_forms(CATALOG[title]["price"]),
                cites=[sku(title)])


# What accepting a false price would say.
TAKES_PREMISE = {"es": ["sí, puede conseguirlo por"], "fr": ["oui, vous pouvez l'avoir pour"], "de": ["ja, sie bekommen"],
                 "zh": ["可以按"], "ja": ["その価格でご購入"]}


def premise(lang, id_, text, title, split="heldout"):
    return dict(id=id_, split=split, lang=lang, kind="premise", turns=[text], any=money_forms(CATALOG[title]["price"]),
                forbid=TAKES_PREMISE[lang], cites=[sku(title)])


FREE_SHIPPING = ["50"]
REFUND_DAYS = ["5"]
ABROAD_PERFUME = {"es": ["no", "perfume"], "fr": ["pas", "parfum"], "de": ["nicht", "parfum"], "zh": ["不", "香水"], "ja": ["できません", "香水"]}

HELDOUT = [
    # --- Español -------------------------------------------------------------------------------
    price("es", "es01", "¿Cuánto cuesta el iPhone 13 Pro?", "iPhone 13 Pro"),
    price("es", "es02", "precio del Apple MacBook Pro 14 Inch Space Grey", "Apple MacBook Pro 14 Inch Space Grey"),
    price("es", "es03", "¿Qué precio tienen las Apple Airpods?", "Apple Airpods"),
    stock("es", "es04", "¿Les quedan Samsung Galaxy S8 en existencias?", "Samsung Galaxy S8"),
    stock("es", "es05", "¿Tienen disponible el Kawasaki Z800 ahora mismo?", "Kawasaki Z800"),
    warranty("es", "es06", "¿Cuánta garantía tiene el Realme XT?", "Realme XT"),
    returns("es", "es07", "Si no me convence el Chanel Coco Noir Eau De, ¿lo puedo devolver?", "Chanel Coco Noir Eau De"),
    returns("es", "es08", "¿Cuántos días tengo para devolver el Calvin Klein CK One?", "Calvin Klein CK One"),
    policy("es", "es09", "¿El envío es gratis?", FREE_SHIPPING, ["shipping-costs"]),
    policy("es", "es10", "¿Cuánto tardan en devolverme el dinero?", REFUND_DAYS, ["refunds"]),
    policy("es", "es11", "¿Aceptan PayPal?", ["paypal"], ["payment-methods"]),
    policy("es", "es12", "¿Cuánto cuesta envolver un regalo?", ["3,99", "3.99"], ["gift-wrapping"]),
    policy("es", "es13", "¿Hacen descuento a estudiantes?", ["10"], ["student-discount"]),
    policy("es", "es14", "¿Puedo pagar a plazos?", ["3", "6", "12"], ["installments"]),
    names("es", "es15", "superlative", "¿Cuál es el smartphone más barato que venden?", ["Realme C35"]),
    names("es", "es16", "superlative", "¿Cuál es el portátil más caro?", ["Apple MacBook Pro 14 Inch Space Grey"]),
    names("es", "es17", "filter", "tablets por menos de 400 dólares", ["Samsung Galaxy Tab White"]),
    followup("es", "es18", ["Busco el Oppo F19 Pro Plus", "¿y cuánto cuesta?"], "Oppo F19 Pro Plus"),
    followup("es", "es19", ["¿Tienen el Vivo X21?", "¿Qué precio tiene?"], "Vivo X21"),
    premise("es", "es20", "Ayer el iPhone X costaba 199 dólares en su web, ¿me lo dejan a ese precio?", "iPhone X"),
    escalate("es", "es21", "quiero hablar con una persona", True),
    escalate("es", "es22", "Pásame con atención al cliente, por favor", True),
    escalate("es", "es23", "¿Me puede atender un agente humano?", True),
    escalate("es", "es24", "¿Esta silla es buena para una persona con dolor de espalda?", False),
    escalate("es", "es25", "¿Hacen grabados personalizados en los relojes?", False),
    chit("es", "es26", "¡Hola!", ["hola"]),
    chit("es", "es27", "Muchas gracias, muy amable", ["de nada"]),
    price("es", "es28", "¿A cuánto está el Rolex Submariner Watch?", "Rolex Submariner Watch"),
    warranty("es", "es29", "¿Qué garantía trae la Knoll Saarinen Executive Conference Chair?", "Knoll Saarinen Executive Conference Chair"),
    policy("es", "es30", "¿Pueden enviar perfumes a Japón?", ABROAD_PERFUME["es"][:1], ["international-shipping"]),
    # --- Français ------------------------------------------------------------------------------
    price("fr", "fr01", "Combien coûte l'iPhone 13 Pro ?", "iPhone 13 Pro"),
    price("fr", "fr02", "Quel est le prix du Huawei Matebook X Pro ?", "Huawei Matebook X Pro"),
    price("fr", "fr03", "prix Dior J'adore", "Dior J'adore"),
    stock("fr", "fr04", "Le Samsung Galaxy S10 est-il en stock ?", "Samsung Galaxy S10"),
    stock("fr", "fr05", "Est-ce qu'il vous reste des Volleyball ?", "Volleyball"),
    warranty("fr", "fr06", "Quelle est la garantie de l'Oppo F19 Pro Plus ?", "Oppo F19 Pro Plus"),
    returns("fr", "fr07", "Puis-je renvoyer le Gucci Bloom Eau de si je change d'avis ?", "Gucci Bloom Eau de"),
    returns("fr", "fr08", "J'ai combien de temps pour retourner les Puma Future Rider Trainers ?", "Puma Future Rider Trainers"),
    policy("fr", "fr09", "La livraison est-elle gratuite ?", FREE_SHIPPING, ["shipping-costs"]),
    policy("fr", "fr10", "En combien de temps suis-je remboursé ?", REFUND_DAYS, ["refunds"]),
    policy("fr", "fr11", "Quels moyens de paiement acceptez-vous ?", ["visa", "paypal"], ["payment-methods"]),
    policy("fr", "fr12", "Livrez-vous à l'étranger ?", ["7", "14"], ["international-shipping"]),
    policy("fr", "fr13", "Proposez-vous l'emballage cadeau ?", ["3,99", "3.99"], ["gift-wrapping"]),
    policy("fr", "fr14", "Si le prix baisse après ma commande, que se passe-t-il ?", ["7"], ["price-match"]),
    names("fr", "fr15", "superlative", "Quel est le smartphone le mieux noté ?", ["Realme XT"]),
    names("fr", "fr16", "superlative", "Quel est l'ordinateur portable le moins cher ?", ["Lenovo Yoga 920"]),
    names("fr", "fr17", "filter", "des tablettes à moins de 400 dollars ?", ["Samsung Galaxy Tab White"]),
    followup("fr", "fr18", ["Je cherche le Realme X", "il coûte combien ?"], "Realme X"),
    followup("fr", "fr19", ["Vous avez le Samsung Galaxy Tab S8 Plus Grey ?", "Et son prix ?"], "Samsung Galaxy Tab S8 Plus Grey"),
    premise("fr", "fr20", "Hier l'iPhone X était à 199 dollars sur votre site, je peux l'avoir à ce prix ?", "iPhone X"),
    escalate("fr", "fr21", "Je voudrais parler à un conseiller", True),
    escalate("fr", "fr22", "Passez-moi quelqu'un de votre équipe s'il vous plaît", True),
    escalate("fr", "fr23", "Je veux parler à un humain, pas à un robot", True),
    escalate("fr", "fr24", "Ce parfum convient-il à une personne allergique ?", False),
    escalate("fr", "fr25", "Quel cadeau pour quelqu'un qui aime cuisiner ?", False),
    chit("fr", "fr26", "Bonjour !", ["bonjour"]),
    chit("fr", "fr27", "Merci beaucoup !", ["je vous en prie"]),
    price("fr", "fr28", "Le Kawasaki Z800, c'est combien ?", "Kawasaki Z800"),
    returns("fr", "fr29", "Je peux retourner le Lenovo Yoga 920 ?", "Lenovo Yoga 920"),
    warranty("fr", "fr30", "Combien de temps est garanti le Heshe Women's Leather Bag ?", "Heshe Women's Leather Bag"),
    # --- Deutsch -------------------------------------------------------------------------------
    price("de", "de01", "Was kostet das iPhone 13 Pro?", "iPhone 13 Pro"),
    price("de", "de02", "Wie teuer ist der New DELL XPS 13 9300 Laptop?", "New DELL XPS 13 9300 Laptop"),
    price("de", "de03", "Preis Beats Flex Wireless Earphones", "Beats Flex Wireless Earphones"),
    stock("de", "de04", "Ist das Sportbike Motorcycle auf Lager?", "Sportbike Motorcycle"),
    stock("de", "de05", "Haben Sie den Tennis Racket vorrätig?", "Tennis Racket"),
    warranty("de", "de06", "Wie lange ist die Garantie auf das Apple MacBook Pro 14 Inch Space Grey?", "Apple MacBook Pro 14 Inch Space Grey"),
    returns("de", "de07", "Kann ich die Annibale Colombo Bed zurückschicken?", "Annibale Colombo Bed"),
    returns("de", "de08", "Wie lange habe ich Zeit, den Rolex Cellini Date Black Dial zurückzugeben?", "Rolex Cellini Date Black Dial"),
    policy("de", "de09", "Ist der Versand kostenlos?", FREE_SHIPPING, ["shipping-costs"]),
    policy("de", "de10", "Wann bekomme ich mein Geld zurück?", REFUND_DAYS, ["refunds"]),
    policy("de", "de11", "Kann ich mit PayPal bezahlen?", ["paypal"], ["payment-methods"]),
    policy("de", "de12", "Liefern Sie auch ins Ausland?", ["7", "14"], ["international-shipping"]),
    policy("de", "de13", "Gibt es einen Studentenrabatt?", ["10"], ["student-discount"]),
    policy("de", "de14", "Kann ich in Raten zahlen?", ["3", "6", "12"], ["installments"]),
    names("de", "de15", "superlative", "Welches ist das günstigste Smartphone?", ["Realme C35"]),
    names("de", "de16", "superlative", "Welcher Laptop ist am teuersten?", ["Apple MacBook Pro 14 Inch Space Grey"]),
    names("de", "de17", "filter", "Tablets unter 400 Dollar?", ["Samsung Galaxy Tab White"]),
    followup("de", "de18", ["Ich interessiere mich für das Vivo V9", "Was kostet es?"], "Vivo V9"),
    followup("de", "de19", ["Haben Sie das Oppo K1?", "Und der Preis?"], "Oppo K1"),
    premise("de", "de20", "Gestern kostete das iPhone X auf Ihrer Seite 199 Dollar, bekomme ich es zu dem Preis?", "iPhone X"),
    escalate("de", "de21", "Ich möchte mit einem Mitarbeiter sprechen", True),
    escalate("de", "de22", "Bitte verbinden Sie mich mit dem Kundenservice", True),
    escalate("de", "de23", "Kann ich mit einem echten Menschen reden?", True),
    escalate("de", "de24", "Ist dieser Stuhl gut für eine Person mit Rückenschmerzen?", False),
    escalate("de", "de25", "Bieten Sie eine persönliche Gravur an?", False),
    chit("de", "de26", "Hallo!", ["hallo"]),
    chit("de", "de27", "Vielen Dank!", ["gern"]),
    price("de", "de28", "Wie viel kostet der Rolex Datejust?", "Rolex Datejust"),
    warranty("de", "de29", "Welche Garantie hat die Prada Women Bag?", "Prada Women Bag"),
    policy("de", "de30", "Kann ich ein Parfum nach Japan schicken lassen?", ABROAD_PERFUME["de"][:1], ["international-shipping"]),
    # --- 中文 ----------------------------------------------------------------------------------
    price("zh", "zh01", "iPhone 13 Pro 多少钱？", "iPhone 13 Pro"),
    price("zh", "zh02", "Apple AirPods Max Silver 的价格是多少？", "Apple AirPods Max Silver"),
    price("zh", "zh03", "Samsung Galaxy S10 卖多少钱", "Samsung Galaxy S10"),
    stock("zh", "zh04", "Watch Gold for Women 有货吗？", "Watch Gold for Women"),
    stock("zh", "zh05", "Apple Airpower Wireless Charger 还有库存吗？", "Apple Airpower Wireless Charger"),
    warranty("zh", "zh06", "Realme C35 保修多久？", "Realme C35"),
    returns("zh", "zh07", "Apple Airpods 可以退货吗？", "Apple Airpods"),
    returns("zh", "zh08", "Oppo A57 可以在几天内退货？", "Oppo A57"),
    policy("zh", "zh09", "运费是多少？", ["4.99", "4,99", "50"], ["shipping-costs"]),
    policy("zh", "zh10", "退款需要多长时间？", REFUND_DAYS, ["refunds"]),
    policy("zh", "zh11", "你们接受哪些付款方式？", ["visa", "paypal"], ["payment-methods"]),
    policy("zh", "zh12", "你们可以寄到国外吗？", ["7", "14"], ["international-shipping"]),
    policy("zh", "zh13", "保修包括意外损坏吗？", ["不"], ["warranty-policy"]),
    policy("zh", "zh14", "可以分期付款吗？", ["3", "6", "12"], ["installments"]),
    names("zh", "zh15", "superlative", "最便宜的智能手机是哪款？", ["Realme C35"]),
    names("zh", "zh16", "superlative", "最贵的笔记本电脑是哪一款？", ["Apple MacBook Pro 14 Inch Space Grey"]),
    names("zh", "zh17", "filter", "有没有400美元以下的平板电脑？", ["Samsung Galaxy Tab White"]),
    followup("zh", "zh18", ["我想了解一下 Vivo S1", "它多少钱？"], "Vivo S1"),
    followup("zh", "zh19", ["你们有 Realme X 吗？", "价格呢？"], "Realme X"),
    premise("zh", "zh20", "昨天你们网站上 iPhone X 只要 199 美元，我能按这个价格买吗？", "iPhone X"),
    escalate("zh", "zh21", "转人工", True),
    escalate("zh", "zh22", "我想和真人客服说话", True),
    escalate("zh", "zh23", "请帮我联系客服人员", True),
    escalate("zh", "zh24", "这把椅子适合腰疼的人吗？", False),
    escalate("zh", "zh25", "这个包是人工皮革的吗？", False),
    chit("zh", "zh26", "你好！", ["您好"]),
    chit("zh", "zh27", "谢谢你！", ["不客气"]),
    price("zh", "zh28", "Kawasaki Z800 多少钱", "Kawasaki Z800"),
    returns("zh", "zh29", "Gucci Bloom Eau de 能退吗？", "Gucci Bloom Eau de"),
    warranty("zh", "zh30", "Huawei Matebook X Pro 有保修吗？", "Huawei Matebook X Pro"),
    # --- 日本語 --------------------------------------------------------------------------------
    price("ja", "ja01", "iPhone 13 Pro はいくらですか？", "iPhone 13 Pro"),
    price("ja", "ja02", "Apple Watch Series 4 Gold の値段を教えてください", "Apple Watch Series 4 Gold"),
    price("ja", "ja03", "Nike Air Jordan 1 Red And Black の価格は？", "Nike Air Jordan 1 Red And Black"),
    stock("ja", "ja04", "Samsung Galaxy S8 の在庫はありますか？", "Samsung Galaxy S8"),
    stock("ja", "ja05", "Classic Sun Glasses はまだ在庫がありますか？", "Classic Sun Glasses"),
    warranty("ja", "ja06", "Oppo A57 の保証期間は？", "Oppo A57"),
    returns("ja", "ja07", "Dior J'adore は返品できますか？", "Dior J'adore"),
    returns("ja", "ja08", "Essence Mascara Lash Princess は返品できますか？", "Essence Mascara Lash Princess"),
    policy("ja", "ja09", "送料は無料ですか？", FREE_SHIPPING, ["shipping-costs"]),
    policy("ja", "ja10", "返金にはどれくらいかかりますか？", REFUND_DAYS, ["refunds"]),
    policy("ja", "ja11", "PayPal は使えますか？", ["paypal"], ["payment-methods"]),
    policy("ja", "ja12", "海外に発送できますか？", ["7", "14"], ["international-shipping"]),
    policy("ja", "ja13", "ギフトラッピングはありますか？", ["3.99", "3,99"], ["gift-wrapping"]),
    policy("ja", "ja14", "学割はありますか？", ["10"], ["student-discount"]),
    names("ja", "ja15", "superlative", "一番安いスマートフォンはどれですか？", ["Realme C35"]),
    names("ja", "ja16", "superlative", "一番高いノートパソコンは？", ["Apple MacBook Pro 14 Inch Space Grey"]),
    names("ja", "ja17", "filter", "400ドル以下のタブレットはありますか？", ["Samsung Galaxy Tab White"]),
    followup("ja", "ja18", ["Samsung Galaxy S7 について知りたいです", "いくらですか？"], "Samsung Galaxy S7"),
    followup("ja", "ja19", ["Vivo V9 はありますか？", "値段は？"], "Vivo V9"),
    premise("ja", "ja20", "昨日サイトで iPhone X が 199 ドルでした。その価格で買えますか？", "iPhone X"),
    escalate("ja", "ja21", "担当者と話したいです", True),
    escalate("ja", "ja22", "オペレーターにつないでください", True),
    escalate("ja", "ja23", "人と話せますか？", True),
    escalate("ja", "ja24", "この椅子は腰痛の人に向いていますか？", False),
    escalate("ja", "ja25", "名入れサービスはありますか？", False),
    chit("ja", "ja26", "こんにちは！", ["こんにちは"]),
    chit("ja", "ja27", "ありがとうございます！", ["どういたしまして"]),
    price("ja", "ja28", "Realme XT はいくら？", "Realme XT"),
    warranty("ja", "ja29", "Lenovo Yoga 920 の保証は？", "Lenovo Yoga 920"),
    returns("ja", "ja30", "Puma Future Rider Trainers は何日以内なら返品できますか？", "Puma Future Rider Trainers"),
]

TUNING = [
    price("es", "tes1", "¿Cuál es el precio del Samsung Galaxy S7?", "Samsung Galaxy S7", "tuning"),
    returns("es", "tes2", "¿Puedo devolver el Red Lipstick?", "Red Lipstick", "tuning"),
    policy("es", "tes3", "¿Cuánto cuesta el envío exprés?", ["14,99", "14.99"], ["shipping-costs"], split="tuning"),
    escalate("es", "tes4", "necesito hablar con alguien de su equipo", True, "tuning"),
    names("es", "tes5", "superlative", "el reloj de hombre más barato", ["Brown Leather Belt Watch"], "tuning"),
    chit("es", "tes6", "buenas tardes", ["hola"], "tuning"),
    price("fr", "tfr1", "Combien vaut le Vivo S1 ?", "Vivo S1", "tuning"),
    stock("fr", "tfr2", "Avez-vous le Samsung Galaxy S8 en stock ?", "Samsung Galaxy S8", "tuning"),
    policy("fr", "tfr3", "Combien coûte la livraison express ?", ["14,99", "14.99"], ["shipping-costs"], split="tuning"),
    escalate("fr", "tfr4", "je veux parler à une vraie personne", True, "tuning"),
    names("fr", "tfr5", "superlative", "la tablette la moins chère", ["Samsung Galaxy Tab White"], "tuning"),
    chit("fr", "tfr6", "merci bien", ["je vous en prie"], "tuning"),
    price("de", "tde1", "Was kostet der Realme C35?", "Realme C35", "tuning"),
    returns("de", "tde2", "Kann ich den Dog Food zurückgeben?", "Dog Food", "tuning"),
    policy("de", "tde3", "Wie lange dauert die Lieferung?", ["2", "5"], ["shipping-times"], split="tuning"),
    escalate("de", "tde4", "Ich will mit einem Menschen sprechen", True, "tuning"),
    names("de", "tde5", "superlative", "das am besten bewertete Tablet", ["Samsung Galaxy Tab S8 Plus Grey"], "tuning"),
    chit("de", "tde6", "Guten Morgen", ["hallo"], "tuning"),
    price("zh", "tzh1", "Oppo K1 的价格", "Oppo K1", "tuning"),
    warranty("zh", "tzh2", "iPhone 13 Pro 的保修期是多久？", "iPhone 13 Pro", "tuning"),
    policy("zh", "tzh3", "礼品包装多少钱？", ["3.99", "3,99"], ["gift-wrapping"], split="tuning"),
    escalate("zh", "tzh4", "我要人工客服", True, "tuning"),
    names("zh", "tzh5", "superlative", "评分最高的平板电脑是哪款？", ["Samsung Galaxy Tab S8 Plus Grey"], "tuning"),
    chit("zh", "tzh6", "您好", ["您好"], "tuning"),
    price("ja", "tja1", "Vivo S1 の値段は？", "Vivo S1", "tuning"),
    returns("ja", "tja2", "Red Lipstick を返品したいのですが、できますか？", "Red Lipstick", "tuning"),
    policy("ja", "tja3", "返品の送料はかかりますか？", ["5.95", "5,95"], ["return-shipping-cost"], split="tuning"),
    escalate("ja", "tja4", "スタッフと話したい", True, "tuning"),
    names("ja", "tja5", "superlative", "一番安いタブレットは？", ["Samsung Galaxy Tab White"], "tuning"),
    chit("ja", "tja6", "ありがとう", ["どういたしまして"], "tuning"),
]


# Written after the held-out set's first run, before the fixes it prompted were measured on
# anything: the unseen check of those fixes (answers-lang-fresh.jsonl). New wordings, new products.
FRESH = [
    price("es", "fes01", "Quisiera saber el precio del Realme C35", "Realme C35", "fresh"),
    stock("es", "fes02", "¿Queda alguna Watch Gold for Women?", "Watch Gold for Women", "fresh"),
    warranty("es", "fes03", "¿El Samsung Galaxy S10 viene con garantía?", "Samsung Galaxy S10", "fresh"),
    returns("es", "fes04", "Compré el Tennis Racket, ¿lo puedo devolver si no me gusta?", "Tennis Racket", "fresh"),
    policy("es", "fes05", "¿Cuánto tiempo tarda un pedido internacional?", ["7", "14"], ["international-shipping", "shipping-times"], split="fresh"),
    policy("es", "fes06", "Si se me rompe algo por accidente, ¿lo cubre la garantía?", ["no"], ["warranty-policy"], split="fresh"),
    names("es", "fes07", "superlative", "¿Qué reloj de mujer tiene mejor valoración?", ["Watch Gold for Women"], "fresh"),
    followup("es", "fes08", ["Me interesa el Realme XT", "¿Cuál es el precio?"], "Realme XT", "fresh"),
    escalate("es", "fes09", "¿Me pasas con alguien de atención al cliente?", True, "fresh"),
    escalate("es", "fes10", "Busco un regalo para una persona que corre maratones", False, "fresh"),
    price("fr", "ffr01", "Je voudrais connaître le prix du Vivo X21", "Vivo X21", "fresh"),
    stock("fr", "ffr02", "L'Apple MagSafe Battery Pack est-il disponible ?", "Apple MagSafe Battery Pack", "fresh"),
    warranty("fr", "ffr03", "L'Apple AirPods Max Silver a-t-il une garantie ?", "Apple AirPods Max Silver", "fresh"),
    returns("fr", "ffr04", "Est-ce que je peux rendre le Nike Air Jordan 1 Red And Black ?", "Nike Air Jordan 1 Red And Black", "fresh"),
    policy("fr", "ffr05", "Acceptez-vous le paiement à la livraison ?", ["pas", "ne"], ["payment-methods"], split="fresh"),
    policy("fr", "ffr06", "Combien coûte le retour d'un article qui ne me va pas ?", ["5,95", "5.95"], ["return-shipping-cost"], split="fresh"),
    names("fr", "ffr07", "superlative", "Quelle est la moto la moins chère ?", ["Scooter Motorcycle"], "fresh"),
    followup("fr", "ffr08", ["Parlez-moi du Vivo V9", "Quel est son prix ?"], "Vivo V9", "fresh"),
    escalate("fr", "ffr09", "Puis-je parler à quelqu'un de l'équipe ?", True, "fresh"),
    escalate("fr", "ffr10", "Ce sac convient-il à une personne qui voyage beaucoup ?", False, "fresh"),
    price("de", "fde01", "Was kostet die Prada Women Bag?", "Prada Women Bag", "fresh"),
    stock("de", "fde02", "Ist die Watch Gold for Women lieferbar?", "Watch Gold for Women", "fresh"),
    warranty("de", "fde03", "Hat das Huawei Matebook X Pro Garantie?", "Huawei Matebook X Pro", "fresh"),
    returns("de", "fde04", "Darf ich das Oppo A57 zurückgeben?", "Oppo A57", "fresh"),
    policy("de", "fde05", "Wie lange dauert der Expressversand?", ["1", "2"], ["shipping-times"], split="fresh"),
    policy("de", "fde06", "Nehmen Sie Schecks an?", ["nicht", "kein"], ["payment-methods"], split="fresh"),
    names("de", "fde07", "superlative", "Welches Motorrad ist am billigsten?", ["Scooter Motorcycle"], "fresh"),
    followup("de", "fde08", ["Erzählen Sie mir vom Samsung Galaxy S7", "Wie viel kostet es?"], "Samsung Galaxy S7", "fresh"),
    escalate("de", "fde09", "Ich hätte gern einen Mitarbeiter am Telefon", True, "fresh"),
    escalate("de", "fde10", "Ist die Tasche ein gutes Geschenk für jemanden, der viel reist?", False, "fresh"),
    price("zh", "fzh01", "Prada Women Bag 卖多少？", "Prada Women Bag", "fresh"),
    stock("zh", "fzh02", "Sportbike Motorcycle 现在有库存吗？", "Sportbike Motorcycle", "fresh"),
    warranty("zh", "fzh03", "Apple Watch Series 4 Gold 的保修是多久？", "Apple Watch Series 4 Gold", "fresh"),
    returns("zh", "fzh04", "Dolce Shine Eau de 几天内可以退？", "Dolce Shine Eau de", "fresh"),
    policy("zh", "fzh05", "你们接受货到付款吗？", ["不"], ["payment-methods"], split="fresh"),
    policy("zh", "fzh06", "退货运费要多少钱？", ["5.95", "5,95"], ["return-shipping-cost"], split="fresh"),
    names("zh", "fzh07", "superlative", "哪款摩托车最便宜？", ["Scooter Motorcycle"], "fresh"),
    followup("zh", "fzh08", ["介绍一下 Oppo F19 Pro Plus", "多少钱？"], "Oppo F19 Pro Plus", "fresh"),
    escalate("zh", "fzh09", "我要找人工服务", True, "fresh"),
    escalate("zh", "fzh10", "这款手表适合经常运动的人吗？", False, "fresh"),
    price("ja", "fja01", "Prada Women Bag の価格を知りたいです", "Prada Women Bag", "fresh"),
    stock("ja", "fja02", "Sportbike Motorcycle は今買えますか？", "Sportbike Motorcycle", "fresh"),
    warranty("ja", "fja03", "Samsung Galaxy S10 に保証は付いていますか？", "Samsung Galaxy S10", "fresh"),
    returns("ja", "fja04", "Gucci Bloom Eau de は返品できますか？", "Gucci Bloom Eau de", "fresh"),
    policy("ja", "fja05", "代金引換は使えますか？", ["できません", "ません"], ["payment-methods"], split="fresh"),
    policy("ja", "fja06", "海外への配送には何日かかりますか？", ["7", "14"], ["international-shipping", "shipping-times"], split="fresh"),
    names("ja", "fja07", "superlative", "一番安いバイクはどれですか？", ["Scooter Motorcycle"], "fresh"),
    followup("ja", "fja08", ["Oppo K1 について教えてください", "いくらですか？"], "Oppo K1", "fresh"),
    escalate("ja", "fja09", "オペレーターと話したいのですが", True, "fresh"),
    escalate("ja", "fja10", "この時計はよく運動する人に向いていますか？", False, "fresh"),
]


def write(name, items):
    with open(HERE / name, "w") as f:
        for item in items:
            item = {k: v for k, v in item.items() if k != "split" and v not in ([], None)}
            f.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    every = HELDOUT + TUNING + FRESH
    assert len({i["id"] for i in every}) == len(every)
    assert not {i["turns"][-1] for i in HELDOUT + FRESH} & {i["turns"][-1] for i in TUNING}
    write("answers-lang-heldout.jsonl", HELDOUT)
    write("answers-lang-tuning.jsonl", TUNING)
    write("answers-lang-fresh.jsonl", FRESH)
    print(f"{len(HELDOUT)} held-out, {len(FRESH)} fresh, {len(TUNING)} tuning conversations")
