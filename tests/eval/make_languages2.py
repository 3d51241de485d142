#!/usr/bin/env python3
"""Writes answers-lang-fresh2.jsonl: 50 non-English conversations (10 in each of Spanish, French,
German, Chinese and Japanese), written at the start of a session (2026-12-05, seventh round) in
wordings and mostly on products no other language set uses, before that session's code ran on
it. Held out: do not tune on it. Labels come from the demo catalog, as in make_languages.py.

    python3 tests/eval/make_languages2.py
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_languages import (CATALOG, escalate, followup, policy, premise, price, returns, sku,  # noqa: E402
                            stock, warranty, write)


def top(lang, id_, text, category, how):
    """A superlative over a catalog category: the cheapest, the dearest or the best rated."""
    group = [p for p in CATALOG.values() if p["category"] == category]
    key = {"cheapest": lambda p: p["price"], "dearest": lambda p: -p["price"], "best": lambda p: -p["rating"]}[how]
    best = sorted(group, key=key)[0]["title"]
    return dict(id=id_, lang=lang, kind="superlative", turns=[text], any=[best], cites=[sku(best)])


FREE_OVER = ["50"]
FRESH2 = [
    price("es", "g2es01", "¿Me dices cuánto vale el Puma Future Rider Trainers?", "Puma Future Rider Trainers"),
    stock("es", "g2es02", "¿Cuántas unidades del Citrus Squeezer Yellow tenéis?", "Citrus Squeezer Yellow"),
    warranty("es", "g2es03", "¿Cuánto dura la garantía del Rolex Submariner Watch?", "Rolex Submariner Watch"),
    returns("es", "g2es04", "Si el Powder Canister no me convence, ¿lo puedo devolver?", "Powder Canister"),
    top("es", "g2es05", "¿Cuál es el coche más caro que vendéis?", "vehicle", "dearest"),
    followup("es", "g2es06", ["Háblame del Dodge Hornet GT Plus", "¿Y cuánto cuesta?"], "Dodge Hornet GT Plus"),
    premise("es", "g2es07", "El Carbon Steel Wok cuesta 9,99 $, ¿verdad?", "Carbon Steel Wok"),
    policy("es", "g2es08", "¿A partir de qué importe el envío sale gratis?", FREE_OVER, ["shipping-costs"]),
    escalate("es", "g2es09", "Necesito hablar con un agente humano, por favor", True),
    escalate("es", "g2es10", "¿Este reloj le quedaría bien a una persona con muñeca fina?", False),
    price("fr", "g2fr01", "Combien coûte le Silver Pot With Glass Cap ?", "Silver Pot With Glass Cap"),
    stock("fr", "g2fr02", "Avez-vous encore des Golf Ball en stock ?", "Golf Ball"),
    warranty("fr", "g2fr03", "Quelle est la durée de garantie de l'Apple iPhone Charger ?", "Apple iPhone Charger"),
    returns("fr", "g2fr04", "Puis-je renvoyer le Black Women's Gown s'il ne me va pas ?", "Black Women's Gown"),
    top("fr", "g2fr05", "Quelles lunettes de soleil sont les mieux notées ?", "sunglasses", "best"),
    followup("fr", "g2fr06", ["Je regarde le Short Frock", "Il coûte combien ?"], "Short Frock"),
    premise("fr", "g2fr07", "On m'a dit que le Generic Motorcycle était à 1 500 $, c'est exact ?", "Generic Motorcycle"),
    policy("fr", "g2fr08", "La livraison est-elle offerte à partir d'un certain montant ?", FREE_OVER, ["shipping-costs"]),
    escalate("fr", "g2fr09", "Je veux parler à un vrai conseiller, pas à un robot", True),
    escalate("fr", "g2fr10", "Bonsoir, quelle poêle me conseillez-vous pour cuisiner au quotidien ?", False),
    price("de", "g2de01", "Wie teuer ist der Pacifica Touring?", "Pacifica Touring"),
    stock("de", "g2de02", "Haben Sie das Samsung Galaxy S8 noch vorrätig?", "Samsung Galaxy S8"),
    warranty("de", "g2de03", "Wie lange gilt die Garantie auf den Cricket Bat?", "Cricket Bat"),
    returns("de", "g2de04", "Kann ich das Men Check Shirt umtauschen oder zurückschicken?", "Men Check Shirt"),
    top("de", "g2de05", "Welches Küchenzubehör ist am teuersten?", "kitchen-accessories", "dearest"),
    followup("de", "g2de06", ["Ich interessiere mich für das Samsung Galaxy Tab S8 Plus Grey", "Was kostet es?"],
             "Samsung Galaxy Tab S8 Plus Grey"),
    premise("de", "g2de07", "Der Durango SXT RWD kostet doch nur 9.999 $, oder?", "Durango SXT RWD"),
    policy("de", "g2de08", "Ab welchem Bestellwert entfallen die Versandkosten?", FREE_OVER, ["shipping-costs"]),
    escalate("de", "g2de09", "Bitte verbinden Sie mich mit einem echten Menschen", True),
    escalate("de", "g2de10", "Ist dieser Rucksack für eine Person geeignet, die viel wandert?", False),
    price("zh", "g2zh01", "Rolex Cellini Date Black Dial 的价格是多少？", "Rolex Cellini Date Black Dial"),
    stock("zh", "g2zh02", "Red Onions 还有货吗？", "Red Onions"),
    warranty("zh", "g2zh03", "Attitude Super Leaves Hand Soap 有多长时间的保修？", "Attitude Super Leaves Hand Soap"),
    returns("zh", "g2zh04", "Rice 买了以后能退吗？", "Rice"),
    top("zh", "g2zh05", "你们最贵的智能手机是哪一款？", "smartphones", "dearest"),
    followup("zh", "g2zh06", ["我想了解一下 Plate", "它多少钱？"], "Plate"),
    premise("zh", "g2zh07", "Rolex Datejust Women 是 999 美元吧？", "Rolex Datejust Women"),
    policy("zh", "g2zh08", "订单满多少钱可以免运费？", FREE_OVER, ["shipping-costs"]),
    escalate("zh", "g2zh09", "请帮我转接真人客服", True),
    escalate("zh", "g2zh10", "这个包适合经常出差的人吗？", False),
    price("ja", "g2ja01", "Red Nail Polish はおいくらですか？", "Red Nail Polish"),
    stock("ja", "g2ja02", "Fork の在庫はありますか？", "Fork"),
    warranty("ja", "g2ja03", "Black Sun Glasses の保証期間を教えてください", "Black Sun Glasses"),
    returns("ja", "g2ja04", "Durango SXT RWD は返品できますか？", "Durango SXT RWD"),
    top("ja", "g2ja05", "一番評価の高い香水はどれですか？", "fragrances", "best"),
    followup("ja", "g2ja06", ["Vivo X21 について知りたいです", "値段はいくらですか？"], "Vivo X21"),
    premise("ja", "g2ja07", "iPhone 6 は 99 ドルですよね？", "iPhone 6"),
    policy("ja", "g2ja08", "いくら以上買えば送料無料になりますか？", FREE_OVER, ["shipping-costs"]),
    escalate("ja", "g2ja09", "担当者と直接話せますか？", True),
    escalate("ja", "g2ja10", "このシャツは汗をかきやすい人に向いていますか？", False),
]

if __name__ == "__main__":
    assert len({i["id"] for i in FRESH2}) == len(FRESH2) == 50
    write("answers-lang-fresh2.jsonl", FRESH2)
    print(f"{len(FRESH2)} conversations")
