#!/usr/bin/env python3
"""Writes answers-lang-fresh7.jsonl: 70 non-English conversations (14 in each of Spanish, French,
German, Chinese and Japanese): four product facts, eight requests for a person in words no other
set uses, and two questions that only look like one. Written during a session (2026-12-05, ninth
round) after all of that round's changes (the fixes lang-fresh6 showed included), before any code
ran on it: the held-out measure of the round's final code. Do not tune on it.

    python3 tests/eval/make_languages7.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_languages import escalate, price, returns, stock, warranty, write  # noqa: E402

FRESH7 = [
    price("es", "g7es01", "¿Cuál es el precio del Fish Steak?", "Fish Steak"),
    stock("es", "g7es02", "¿Tienen el Basketball disponible?", "Basketball"),
    warranty("es", "g7es03", "¿Las Party Glasses tienen garantía?", "Party Glasses"),
    returns("es", "g7es04", "¿Se puede devolver el iPad Mini 2021 Starlight?", "iPad Mini 2021 Starlight"),
    escalate("es", "g7es05", "Quiero que me atienda un agente real", True),
    escalate("es", "g7es06", "¿Podría hablar con alguien de carne y hueso?", True),
    escalate("es", "g7es07", "Necesito que un humano me ayude con mi pedido", True),
    escalate("es", "g7es08", "¿Hay algún empleado conectado?", True),
    escalate("es", "g7es09", "Deseo hablar con el gerente", True),
    escalate("es", "g7es10", "Páseme a un operador humano", True),
    escalate("es", "g7es11", "¿Me podéis llamar por teléfono?", True),
    escalate("es", "g7es12", "Esto no lo resuelve un bot, quiero una persona", True),
    escalate("es", "g7es13", "¿Qué regalo recomiendas para alguien que viaja mucho?", False),
    escalate("es", "g7es14", "¿El Basketball es para adultos?", False),
    price("fr", "g7fr01", "À combien sont les Potatoes ?", "Potatoes"),
    stock("fr", "g7fr02", "Le Spoon est-il en stock ?", "Spoon"),
    warranty("fr", "g7fr03", "Les Sports Sneakers Off White & Red sont garanties combien de temps ?", "Sports Sneakers Off White & Red"),
    returns("fr", "g7fr04", "Puis-je retourner l'iPhone 5s ?", "iPhone 5s"),
    escalate("fr", "g7fr05", "Je veux parler à une personne réelle", True),
    escalate("fr", "g7fr06", "Pourriez-vous me passer le service client ?", True),
    escalate("fr", "g7fr07", "Est-ce que quelqu'un de l'équipe peut prendre ma demande ?", True),
    escalate("fr", "g7fr08", "J'ai besoin d'un humain pour régler ce problème", True),
    escalate("fr", "g7fr09", "Appelez-moi s'il vous plaît", True),
    escalate("fr", "g7fr10", "Où est le service après-vente ? Je veux leur parler", True),
    escalate("fr", "g7fr11", "Je demande à parler au gérant", True),
    escalate("fr", "g7fr12", "Pas un robot, un conseiller svp", True),
    escalate("fr", "g7fr13", "Ce sac est-il adapté à une personne de petite taille ?", False),
    escalate("fr", "g7fr14", "Avez-vous des robots de cuisine ?", False),
    price("de", "g7de01", "Wie viel kostet die Kiwi?", "Kiwi"),
    stock("de", "g7de02", "Haben Sie das Girl Summer Dress auf Lager?", "Girl Summer Dress"),
    warranty("de", "g7de03", "Wie lange ist die Garantie auf die Soft Drinks?", "Soft Drinks"),
    returns("de", "g7de04", "Kann man das Corset With Black Skirt zurückgeben?", "Corset With Black Skirt"),
    escalate("de", "g7de05", "Ich brauche einen echten Mitarbeiter", True),
    escalate("de", "g7de06", "Kann ich bitte mit jemandem aus dem Kundendienst chatten?", True),
    escalate("de", "g7de07", "Ist gerade ein Berater erreichbar?", True),
    escalate("de", "g7de08", "Bitte rufen Sie mich an", True),
    escalate("de", "g7de09", "Ich will mich beim Geschäftsführer beschweren", True),
    escalate("de", "g7de10", "Mit einem Bot rede ich nicht, geben Sie mir einen Menschen", True),
    escalate("de", "g7de11", "Könnte ein Mensch übernehmen?", True),
    escalate("de", "g7de12", "Wo erreiche ich einen Mitarbeiter?", True),
    escalate("de", "g7de13", "Eignet sich der Rucksack für Menschen mit Rückenproblemen?", False),
    escalate("de", "g7de14", "Haben Sie Küchenroboter?", False),
    price("zh", "g7zh01", "Milk 多少钱一瓶？", "Milk"),
    stock("zh", "g7zh02", "Strawberry 还有吗？", "Strawberry"),
    warranty("zh", "g7zh03", "Chicken Meat 有质保吗？", "Chicken Meat"),
    returns("zh", "g7zh04", "Spoon 支持退货吗？", "Spoon"),
    escalate("zh", "g7zh05", "我要人工", True),
    escalate("zh", "g7zh06", "麻烦帮我接通客服人员", True),
    escalate("zh", "g7zh07", "能不能找个真人帮我处理？", True),
    escalate("zh", "g7zh08", "你们有在线的工作人员吗？", True),
    escalate("zh", "g7zh09", "请经理来跟我说", True),
    escalate("zh", "g7zh10", "打电话给我吧", True),
    escalate("zh", "g7zh11", "机器人没用，我要跟人说话", True),
    escalate("zh", "g7zh12", "我想投诉，请找你们的负责人", True),
    escalate("zh", "g7zh13", "这个背包适合身材高大的人吗？", False),
    escalate("zh", "g7zh14", "你们卖扫地机器人吗？", False),
    price("ja", "g7ja01", "Eggs の価格はいくらですか？", "Eggs"),
    stock("ja", "g7ja02", "Football の在庫はまだありますか？", "Football"),
    warranty("ja", "g7ja03", "Cucumber の保証期間は？", "Cucumber"),
    returns("ja", "g7ja04", "Basketball は返品できますか？", "Basketball"),
    escalate("ja", "g7ja05", "人と話させてください", True),
    escalate("ja", "g7ja06", "スタッフに相談できますか？", True),
    escalate("ja", "g7ja07", "店長を呼んでもらえますか", True),
    escalate("ja", "g7ja08", "電話で対応してほしいです", True),
    escalate("ja", "g7ja09", "AIじゃなくて本物の人がいいです", True),
    escalate("ja", "g7ja10", "カスタマーサポートの方と話したい", True),
    escalate("ja", "g7ja11", "担当者に代わってもらえませんか", True),
    escalate("ja", "g7ja12", "誰かスタッフの方はいらっしゃいますか？", True),
    escalate("ja", "g7ja13", "このリュックは背の高い人に合いますか？", False),
    escalate("ja", "g7ja14", "お掃除ロボットは売っていますか？", False),
]

if __name__ == "__main__":
    assert len({i["id"] for i in FRESH7}) == len(FRESH7) == 70
    write("answers-lang-fresh7.jsonl", FRESH7)
    print(f"{len(FRESH7)} conversations")
