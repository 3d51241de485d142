#!/usr/bin/env python3
"""Writes answers-lang-fresh4.jsonl: 60 non-English conversations (12 in each of Spanish, French,
German, Chinese and Japanese): four product facts each and eight requests for a person or
negatives, so that escalation recall is read on six requests a language. Written late in a
session (2026-12-05, eighth round) after that round's changes, before any code ran on it: the
held-out measure of the round's code. Labels come from the demo catalog, as in make_languages.py.

    python3 tests/eval/make_languages4.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_languages import escalate, price, returns, stock, warranty, write  # noqa: E402

FRESH4 = [
    price("es", "g4es01", "¿Cuánto cuesta el Fine Mesh Strainer?", "Fine Mesh Strainer"),
    stock("es", "g4es02", "¿Tenéis Green Oval Earring disponibles?", "Green Oval Earring"),
    warranty("es", "g4es03", "¿El Decoration Swing tiene garantía? ¿De cuánto tiempo?", "Decoration Swing"),
    returns("es", "g4es04", "¿Puedo devolver el Protein Powder?", "Protein Powder"),
    escalate("es", "g4es05", "Quiero que me atienda una persona", True),
    escalate("es", "g4es06", "¿Me pasas con un agente?", True),
    escalate("es", "g4es07", "Necesito hablar con alguien de la tienda", True),
    escalate("es", "g4es08", "Prefiero hablar con un ser humano", True),
    escalate("es", "g4es09", "¿Puede ayudarme un empleado?", True),
    escalate("es", "g4es10", "operador, por favor", True),
    escalate("es", "g4es11", "¿Qué zapatos recomiendas para una persona mayor?", False),
    escalate("es", "g4es12", "Muchas gracias por la ayuda", False),
    price("fr", "g4fr01", "Quel est le prix du Mug Tree Stand ?", "Mug Tree Stand"),
    stock("fr", "g4fr02", "Avez-vous le Nike Baseball Cleats en stock ?", "Nike Baseball Cleats"),
    warranty("fr", "g4fr03", "Combien de temps dure la garantie du Plant Pot ?", "Plant Pot"),
    returns("fr", "g4fr04", "Le Red Shoes peut-il être renvoyé ?", "Red Shoes"),
    escalate("fr", "g4fr05", "Je voudrais parler à quelqu'un du magasin", True),
    escalate("fr", "g4fr06", "Passez-moi un conseiller s'il vous plaît", True),
    escalate("fr", "g4fr07", "Un humain peut-il prendre le relais ?", True),
    escalate("fr", "g4fr08", "Je veux un vrai interlocuteur, pas un robot", True),
    escalate("fr", "g4fr09", "Est-ce qu'un membre de votre équipe peut m'aider ?", True),
    escalate("fr", "g4fr10", "Contactez-moi par téléphone, s'il vous plaît", True),
    escalate("fr", "g4fr11", "Ce sac convient-il à une personne qui voyage beaucoup ?", False),
    escalate("fr", "g4fr12", "Salut !", False),
    price("de", "g4de01", "Was kostet der Kitchen Sieve?", "Kitchen Sieve"),
    stock("de", "g4de02", "Ist der Tropical Earring noch auf Lager?", "Tropical Earring"),
    warranty("de", "g4de03", "Wie lange Garantie hat das Family Tree Photo Frame?", "Family Tree Photo Frame"),
    returns("de", "g4de04", "Kann ich das Gigabyte Aorus Men Tshirt zurückgeben?", "Gigabyte Aorus Men Tshirt"),
    escalate("de", "g4de05", "Ich will mit einem Menschen reden", True),
    escalate("de", "g4de06", "Können Sie mich an einen Berater weiterleiten?", True),
    escalate("de", "g4de07", "Bitte einen Mitarbeiter!", True),
    escalate("de", "g4de08", "Gibt es jemanden, mit dem ich sprechen kann?", True),
    escalate("de", "g4de09", "Ich brauche Hilfe von einer echten Person", True),
    escalate("de", "g4de10", "Rufen Sie mich bitte zurück", True),
    escalate("de", "g4de11", "Welche Uhr passt zu einer Person mit schmalem Handgelenk?", False),
    escalate("de", "g4de12", "Danke, das war alles", False),
    price("zh", "g4zh01", "Red Tongs 多少钱？", "Red Tongs"),
    stock("zh", "g4zh02", "Black & Brown Slipper 有现货吗？", "Black & Brown Slipper"),
    warranty("zh", "g4zh03", "House Showpiece Plant 的保修期是多久？", "House Showpiece Plant"),
    returns("zh", "g4zh04", "Cat Food 可以退货吗？", "Cat Food"),
    escalate("zh", "g4zh05", "我想跟真人聊", True),
    escalate("zh", "g4zh06", "请给我转接客服", True),
    escalate("zh", "g4zh07", "有没有人工可以帮我？", True),
    escalate("zh", "g4zh08", "我要和你们的员工说话", True),
    escalate("zh", "g4zh09", "能不能让客服联系我？", True),
    escalate("zh", "g4zh10", "人工！", True),
    escalate("zh", "g4zh11", "这款手表适合手腕细的人吗？", False),
    escalate("zh", "g4zh12", "你好", False),
    price("ja", "g4ja01", "Egg Slicer はいくらですか？", "Egg Slicer"),
    stock("ja", "g4ja02", "Pampi Shoes の在庫はありますか？", "Pampi Shoes"),
    warranty("ja", "g4ja03", "Black Aluminium Cup の保証期間はどれくらいですか？", "Black Aluminium Cup"),
    returns("ja", "g4ja04", "Honey Jar は返品できますか？", "Honey Jar"),
    escalate("ja", "g4ja05", "人間の担当の方と話せますか？", True),
    escalate("ja", "g4ja06", "カスタマーサポートにつないでください", True),
    escalate("ja", "g4ja07", "スタッフさんに代わってもらえますか？", True),
    escalate("ja", "g4ja08", "ボットではなく人と話したい", True),
    escalate("ja", "g4ja09", "誰か店員さんに相談したいです", True),
    escalate("ja", "g4ja10", "折り返しお電話いただけますか？", True),
    escalate("ja", "g4ja11", "このバッグは旅行が多い人に向いていますか？", False),
    escalate("ja", "g4ja12", "ありがとう、助かりました", False),
]

if __name__ == "__main__":
    assert len({i["id"] for i in FRESH4}) == len(FRESH4) == 60
    write("answers-lang-fresh4.jsonl", FRESH4)
    print(f"{len(FRESH4)} conversations")
