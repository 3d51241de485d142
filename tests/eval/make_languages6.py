#!/usr/bin/env python3
"""Writes answers-lang-fresh6.jsonl: 70 non-English conversations (14 in each of Spanish, French,
German, Chinese and Japanese): four product facts on products no other language set used, eight
requests for a person in words no other set uses, and two questions that only look like one.
Written during a session (2026-12-05, ninth round) after that round's changes for requests for a
person (translation that says any such request as one sentence, whether someone is there, the
bot refused, the first message's language by its own words), before any code ran on it: the
held-out measure of that code. Do not tune on it. Labels come from the demo catalog.

    python3 tests/eval/make_languages6.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_languages import escalate, price, returns, stock, warranty, write  # noqa: E402

FRESH6 = [
    price("es", "g6es01", "¿A cuánto está el Kiwi?", "Kiwi"),
    stock("es", "g6es02", "¿Hay Potatoes en stock ahora mismo?", "Potatoes"),
    warranty("es", "g6es03", "¿Qué garantía trae el iPhone 5s?", "iPhone 5s"),
    returns("es", "g6es04", "¿Aceptáis devoluciones del Spoon?", "Spoon"),
    escalate("es", "g6es05", "¿Puedo hablar con un responsable?", True),
    escalate("es", "g6es06", "Necesito ayuda de una persona, no de un bot", True),
    escalate("es", "g6es07", "¿Me comunica con un agente de ventas?", True),
    escalate("es", "g6es08", "Quiero poner una queja con alguien del servicio de atención", True),
    escalate("es", "g6es09", "¿Alguien me puede atender ahora?", True),
    escalate("es", "g6es10", "Llámenme, por favor", True),
    escalate("es", "g6es11", "Conéctame con tu supervisor", True),
    escalate("es", "g6es12", "¿Está disponible algún humano?", True),
    escalate("es", "g6es13", "¿Este perfume es para alguien joven?", False),
    escalate("es", "g6es14", "¿Qué reloj le regalo a una persona deportista?", False),
    price("fr", "g6fr01", "Quel est le tarif des Soft Drinks ?", "Soft Drinks"),
    stock("fr", "g6fr02", "Reste-t-il des Party Glasses ?", "Party Glasses"),
    warranty("fr", "g6fr03", "Quelle est la garantie du Basketball ?", "Basketball"),
    returns("fr", "g6fr04", "Le Corset With Black Skirt est-il remboursable si je le renvoie ?", "Corset With Black Skirt"),
    escalate("fr", "g6fr05", "Je souhaite échanger avec un conseiller client", True),
    escalate("fr", "g6fr06", "Puis-je avoir quelqu'un au téléphone ?", True),
    escalate("fr", "g6fr07", "Transférez-moi vers un humain", True),
    escalate("fr", "g6fr08", "Je voudrais que le service client me rappelle", True),
    escalate("fr", "g6fr09", "Y a-t-il un employé disponible ?", True),
    escalate("fr", "g6fr10", "Je n'ai pas envie de parler à une machine", True),
    escalate("fr", "g6fr11", "Faites venir votre responsable, s'il vous plaît", True),
    escalate("fr", "g6fr12", "Un vrai agent, svp", True),
    escalate("fr", "g6fr13", "Ce parfum plaît-il aux personnes âgées ?", False),
    escalate("fr", "g6fr14", "Quelle montre pour quelqu'un de sportif ?", False),
    price("de", "g6de01", "Was kostet das Ice Cream bei Ihnen?", "Ice Cream"),
    stock("de", "g6de02", "Sind Cucumber gerade lieferbar?", "Cucumber"),
    warranty("de", "g6de03", "Welche Garantie gilt für das Girl Summer Dress?", "Girl Summer Dress"),
    returns("de", "g6de04", "Kann ich die Sports Sneakers Off White & Red umtauschen oder zurückgeben?", "Sports Sneakers Off White & Red"),
    escalate("de", "g6de05", "Ich möchte mit dem Support sprechen", True),
    escalate("de", "g6de06", "Kann ich einen Menschen haben?", True),
    escalate("de", "g6de07", "Gibt es hier einen echten Ansprechpartner?", True),
    escalate("de", "g6de08", "Ich will keinen Chatbot, sondern einen Menschen", True),
    escalate("de", "g6de09", "Könnte mich ein Kundenberater anrufen?", True),
    escalate("de", "g6de10", "Holen Sie mir bitte jemanden vom Verkauf", True),
    escalate("de", "g6de11", "Wo ist der Chef? Ich will mit ihm reden", True),
    escalate("de", "g6de12", "Leiten Sie mich an einen Servicemitarbeiter weiter", True),
    escalate("de", "g6de13", "Ist die Uhr gut für jemanden, der viel schwimmt?", False),
    escalate("de", "g6de14", "Welches Parfum mögen ältere Menschen?", False),
    price("zh", "g6zh01", "Chicken Meat 的价格是多少？", "Chicken Meat"),
    stock("zh", "g6zh02", "Eggs 还有库存吗？", "Eggs"),
    warranty("zh", "g6zh03", "Football 保修多长时间？", "Football"),
    returns("zh", "g6zh04", "iPad Mini 2021 Starlight 买了以后可以退吗？", "iPad Mini 2021 Starlight"),
    escalate("zh", "g6zh05", "我想和真人客服沟通", True),
    escalate("zh", "g6zh06", "请把我转给人工", True),
    escalate("zh", "g6zh07", "能帮我叫一下你们的负责人吗？", True),
    escalate("zh", "g6zh08", "有没有工作人员能接电话？", True),
    escalate("zh", "g6zh09", "别让机器人回答了，我要找人", True),
    escalate("zh", "g6zh10", "客服在哪里？我要投诉", True),
    escalate("zh", "g6zh11", "请让销售人员联系我", True),
    escalate("zh", "g6zh12", "我要跟你们主管谈谈", True),
    escalate("zh", "g6zh13", "这款香水适合年轻人吗？", False),
    escalate("zh", "g6zh14", "有机器人玩具吗？", False),
    price("ja", "g6ja01", "Strawberry はおいくらですか？", "Strawberry"),
    stock("ja", "g6ja02", "Green Bell Pepper はまだ買えますか？", "Green Bell Pepper"),
    warranty("ja", "g6ja03", "Milk の保証について教えてください", "Milk"),
    returns("ja", "g6ja04", "iPhone 5s は返品を受け付けていますか？", "iPhone 5s"),
    escalate("ja", "g6ja05", "人に相談したいのですが", True),
    escalate("ja", "g6ja06", "担当の人をお願いします", True),
    escalate("ja", "g6ja07", "スタッフの方に電話をかけてもらえますか？", True),
    escalate("ja", "g6ja08", "チャットボットではなく、店員と話したい", True),
    escalate("ja", "g6ja09", "マネージャーを出してください", True),
    escalate("ja", "g6ja10", "カスタマーセンターにつないでもらえますか", True),
    escalate("ja", "g6ja11", "誰か人間はいませんか？", True),
    escalate("ja", "g6ja12", "オペレーターに替わってもらえる？", True),
    escalate("ja", "g6ja13", "この時計は泳ぐ人に向いていますか？", False),
    escalate("ja", "g6ja14", "ロボット掃除機はありますか？", False),
]

if __name__ == "__main__":
    assert len({i["id"] for i in FRESH6}) == len(FRESH6) == 70
    write("answers-lang-fresh6.jsonl", FRESH6)
    print(f"{len(FRESH6)} conversations")
