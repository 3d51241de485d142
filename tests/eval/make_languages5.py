#!/usr/bin/env python3
"""Writes answers-lang-fresh5.jsonl: 70 non-English conversations (14 in each of Spanish, French,
German, Chinese and Japanese): four product facts on products no language set used, eight
requests for a person worded as no set or phrase list words them, and two negatives that only
look like one. Written at the start of a session (2026-12-05, ninth round), before any code ran
on it: the held-out measure of the code as the eighth round left it, escalation recall read on
eight requests a language. Labels come from the demo catalog, as in make_languages.py.

    python3 tests/eval/make_languages5.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_languages import escalate, price, returns, stock, warranty, write  # noqa: E402

FRESH5 = [
    price("es", "g5es01", "¿Qué precio tiene el American Football?", "American Football"),
    stock("es", "g5es02", "¿Os quedan unidades del Metal Baseball Bat?", "Metal Baseball Bat"),
    warranty("es", "g5es03", "¿Cuánto dura la garantía del Blue & Black Check Shirt?", "Blue & Black Check Shirt"),
    returns("es", "g5es04", "Si no me convence el Women's Wrist Watch, ¿lo puedo devolver?", "Women's Wrist Watch"),
    escalate("es", "g5es05", "¿Hay alguien real al otro lado?", True),
    escalate("es", "g5es06", "Quisiera que me atendiera un asesor humano", True),
    escalate("es", "g5es07", "Ponme con soporte, por favor", True),
    escalate("es", "g5es08", "No quiero hablar con una máquina", True),
    escalate("es", "g5es09", "¿Me puede llamar alguien del equipo?", True),
    escalate("es", "g5es10", "Déjame hablar con el encargado", True),
    escalate("es", "g5es11", "Necesito que un empleado revise mi caso", True),
    escalate("es", "g5es12", "Transfiéreme a servicio al cliente", True),
    escalate("es", "g5es13", "¿Esta mochila es buena para una persona alta?", False),
    escalate("es", "g5es14", "¿Quién fabrica el Basketball?", False),
    price("fr", "g5fr01", "Combien coûte le Tissue Paper Box ?", "Tissue Paper Box"),
    stock("fr", "g5fr02", "Est-ce que le Glass est disponible en ce moment ?", "Glass"),
    warranty("fr", "g5fr03", "Le Nescafe Coffee est-il garanti ?", "Nescafe Coffee"),
    returns("fr", "g5fr04", "Puis-je rendre le Juice s'il ne me plaît pas ?", "Juice"),
    escalate("fr", "g5fr05", "J'aimerais être mis en relation avec le service client", True),
    escalate("fr", "g5fr06", "Y a-t-il une vraie personne pour me répondre ?", True),
    escalate("fr", "g5fr07", "Pouvez-vous me transférer à un agent ?", True),
    escalate("fr", "g5fr08", "Je préfère discuter avec un employé", True),
    escalate("fr", "g5fr09", "Le responsable peut-il me contacter ?", True),
    escalate("fr", "g5fr10", "Assez du bot, je veux un humain", True),
    escalate("fr", "g5fr11", "Quelqu'un peut me rappeler demain ?", True),
    escalate("fr", "g5fr12", "Mettez-moi en contact avec votre équipe", True),
    escalate("fr", "g5fr13", "Ce ballon convient-il à un enfant de dix ans ?", False),
    escalate("fr", "g5fr14", "Quelle est la marque du Football ?", False),
    price("de", "g5de01", "Wie teuer ist die Water?", "Water"),
    stock("de", "g5de02", "Habt ihr die Eyeshadow Palette with Mirror vorrätig?", "Eyeshadow Palette with Mirror"),
    warranty("de", "g5de03", "Gibt es auf den Beef Steak eine Garantie?", "Beef Steak"),
    returns("de", "g5de04", "Darf ich den Man Short Sleeve Shirt zurückschicken?", "Man Short Sleeve Shirt"),
    escalate("de", "g5de05", "Verbinden Sie mich bitte mit dem Kundenservice", True),
    escalate("de", "g5de06", "Ist da ein echter Mensch?", True),
    escalate("de", "g5de07", "Ich hätte gern einen persönlichen Ansprechpartner", True),
    escalate("de", "g5de08", "Kann mich jemand vom Team anrufen?", True),
    escalate("de", "g5de09", "Ich möchte lieber mit einer Person aus Fleisch und Blut sprechen", True),
    escalate("de", "g5de10", "Holen Sie bitte Ihren Vorgesetzten", True),
    escalate("de", "g5de11", "Kann ich das mit einem Kollegen von Ihnen klären?", True),
    escalate("de", "g5de12", "Stellen Sie mich zu einem Support-Mitarbeiter durch", True),
    escalate("de", "g5de13", "Ist der Basketball für Kinder geeignet?", False),
    escalate("de", "g5de14", "Wer stellt den Football her?", False),
    price("zh", "g5zh01", "Bedside Table African Cherry 卖多少？", "Bedside Table African Cherry"),
    stock("zh", "g5zh02", "Cooking Oil 现在还有货吗？", "Cooking Oil"),
    warranty("zh", "g5zh03", "Olay Ultra Moisture Shea Butter Body Wash 有保修吗？", "Olay Ultra Moisture Shea Butter Body Wash"),
    returns("zh", "g5zh04", "Mulberry 能退吗？", "Mulberry"),
    escalate("zh", "g5zh05", "我需要人工服务", True),
    escalate("zh", "g5zh06", "帮我找个客服人员", True),
    escalate("zh", "g5zh07", "能让你们的工作人员回个电话吗？", True),
    escalate("zh", "g5zh08", "我不想跟机器人说话", True),
    escalate("zh", "g5zh09", "请安排一位客服跟我对接", True),
    escalate("zh", "g5zh10", "你们经理在吗？我要找他", True),
    escalate("zh", "g5zh11", "可以转真人吗", True),
    escalate("zh", "g5zh12", "有客服可以聊一下吗？", True),
    escalate("zh", "g5zh13", "这个篮球适合小孩子用吗？", False),
    escalate("zh", "g5zh14", "有人造皮的包吗？", False),
    price("ja", "g5ja01", "Lemon の値段を教えてください", "Lemon"),
    stock("ja", "g5ja02", "Green Chili Pepper は在庫ありますか？", "Green Chili Pepper"),
    warranty("ja", "g5ja03", "IWC Ingenieur Automatic Steel に保証は付いていますか？", "IWC Ingenieur Automatic Steel"),
    returns("ja", "g5ja04", "iPhone 12 Silicone Case with MagSafe Plum を返品することはできますか？", "iPhone 12 Silicone Case with MagSafe Plum"),
    escalate("ja", "g5ja05", "オペレーターと話したいです", True),
    escalate("ja", "g5ja06", "有人対応に切り替えてください", True),
    escalate("ja", "g5ja07", "担当者から連絡をもらいたいです", True),
    escalate("ja", "g5ja08", "ロボットじゃなくて人間がいい", True),
    escalate("ja", "g5ja09", "責任者を呼んでください", True),
    escalate("ja", "g5ja10", "お電話で担当の方と話したいのですが", True),
    escalate("ja", "g5ja11", "サポートの人に代わってください", True),
    escalate("ja", "g5ja12", "スタッフに直接聞きたいです", True),
    escalate("ja", "g5ja13", "このバスケットボールは子供向けですか？", False),
    escalate("ja", "g5ja14", "人工皮革の財布はありますか？", False),
]

if __name__ == "__main__":
    assert len({i["id"] for i in FRESH5}) == len(FRESH5) == 70
    write("answers-lang-fresh5.jsonl", FRESH5)
    print(f"{len(FRESH5)} conversations")
