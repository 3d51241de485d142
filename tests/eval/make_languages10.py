#!/usr/bin/env python3
"""Writes answers-lang-fresh10.jsonl: 80 non-English conversations (16 in each of Spanish, French,
German, Chinese and Japanese): two product facts, ten requests for a person in words no other
set uses, and four questions that only look like one (customer service's hours, a present for
someone, staff named in a question about something else). Written during a session (2026-12-06,
tenth round) after lang-fresh9 showed what the model's yes/no missed and a German phrase that
fired on a gift question, before any code of those changes ran on it: their held-out measure.
Do not tune on it.

    python3 tests/eval/make_languages10.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_languages import escalate, price, returns, stock, warranty, write  # noqa: E402

FRESH10 = [
    price("es", "g10es01", "¿A cuánto está el Realme X?", "Realme X"),
    warranty("es", "g10es02", "¿Qué garantía trae el Monopod?", "Monopod"),
    escalate("es", "g10es03", "¿Alguien de carne y hueso me puede contestar?", True),
    escalate("es", "g10es04", "Derívame con un agente, porfa", True),
    escalate("es", "g10es05", "¿Hay una persona atendiendo este chat?", True),
    escalate("es", "g10es06", "No quiero respuestas automáticas, quiero a alguien de verdad", True),
    escalate("es", "g10es07", "Me gustaría que un vendedor me asesorara", True),
    escalate("es", "g10es08", "¿Puede llamarme alguien esta tarde?", True),
    escalate("es", "g10es09", "Que se ponga el jefe de tienda", True),
    escalate("es", "g10es10", "necesito hablar con soporte ya", True),
    escalate("es", "g10es11", "¿Me comunicas con el área de ventas?", True),
    escalate("es", "g10es12", "¿Estoy hablando con una máquina? Prefiero una persona", True),
    escalate("es", "g10es13", "¿El servicio de atención responde por la noche?", False),
    escalate("es", "g10es14", "¿Qué le puedo regalar a una persona que lo tiene todo?", False),
    escalate("es", "g10es15", "¿Qué productos recomienda vuestro personal?", False),
    escalate("es", "g10es16", "¿Tenéis muñecos con forma de robot?", False),
    price("fr", "g10fr01", "Combien vaut le Vivo V9 ?", "Vivo V9"),
    returns("fr", "g10fr02", "Le Short Frock peut-il être renvoyé ?", "Short Frock"),
    escalate("fr", "g10fr03", "Quelqu'un en chair et en os peut me répondre ?", True),
    escalate("fr", "g10fr04", "Redirigez-moi vers un agent svp", True),
    escalate("fr", "g10fr05", "Une personne lit-elle ces messages ?", True),
    escalate("fr", "g10fr06", "Pas de réponses automatiques, je veux quelqu'un de vrai", True),
    escalate("fr", "g10fr07", "J'aimerais être conseillé par un vendeur", True),
    escalate("fr", "g10fr08", "Quelqu'un pourrait-il m'appeler cet après-midi ?", True),
    escalate("fr", "g10fr09", "Faites venir le chef du magasin", True),
    escalate("fr", "g10fr10", "besoin du support tout de suite", True),
    escalate("fr", "g10fr11", "Vous pouvez me mettre en contact avec les ventes ?", True),
    escalate("fr", "g10fr12", "Je parle à une machine là ? Je préfère une personne", True),
    escalate("fr", "g10fr13", "Le service client répond-il encore après 19 h ?", False),
    escalate("fr", "g10fr14", "Quoi offrir à une personne qui a déjà tout ?", False),
    escalate("fr", "g10fr15", "Quels produits votre équipe recommande-t-elle ?", False),
    escalate("fr", "g10fr16", "Avez-vous des jouets en forme de robot ?", False),
    price("de", "g10de01", "Was verlangen Sie für den Realme X?", "Realme X"),
    stock("de", "g10de02", "Gibt es den White Faux Leather Backpack noch?", "White Faux Leather Backpack"),
    escalate("de", "g10de03", "Kann mir jemand aus Fleisch und Blut antworten?", True),
    escalate("de", "g10de04", "Leiten Sie mich zu einem Agenten weiter", True),
    escalate("de", "g10de05", "Liest hier ein Mensch mit?", True),
    escalate("de", "g10de06", "Keine automatischen Antworten bitte, ich will eine echte Ansprechperson", True),
    escalate("de", "g10de07", "Ich hätte gern eine Beratung durch einen Verkäufer", True),
    escalate("de", "g10de08", "Kann mich heute Nachmittag jemand anrufen?", True),
    escalate("de", "g10de09", "Holen Sie den Filialleiter", True),
    escalate("de", "g10de10", "brauche sofort den Support", True),
    escalate("de", "g10de11", "Können Sie mich mit der Verkaufsabteilung verbinden?", True),
    escalate("de", "g10de12", "Rede ich mit einer Maschine? Ich hätte lieber eine Person", True),
    escalate("de", "g10de13", "Bis wann ist die Hotline besetzt?", False),
    escalate("de", "g10de14", "Was schenke ich einem Menschen, der schon alles hat?", False),
    escalate("de", "g10de15", "Welche Produkte empfiehlt Ihr Team?", False),
    escalate("de", "g10de16", "Haben Sie Spielzeug in Roboterform?", False),
    price("zh", "g10zh01", "Vivo V9 现在什么价？", "Vivo V9"),
    warranty("zh", "g10zh02", "Green and Black Glasses 有保修吗？", "Green and Black Glasses"),
    escalate("zh", "g10zh03", "有活人能回复我吗？", True),
    escalate("zh", "g10zh04", "请把我转给客服专员", True),
    escalate("zh", "g10zh05", "这个聊天是有人在看吗？", True),
    escalate("zh", "g10zh06", "别用自动回复了，我要找个真正的人", True),
    escalate("zh", "g10zh07", "想请销售人员给我推荐一下", True),
    escalate("zh", "g10zh08", "今天下午能有人打给我吗？", True),
    escalate("zh", "g10zh09", "让你们店长出来", True),
    escalate("zh", "g10zh10", "马上帮我接技术支持", True),
    escalate("zh", "g10zh11", "能帮我联系一下销售部吗？", True),
    escalate("zh", "g10zh12", "我是在跟机器对话吗？我更想跟人聊", True),
    escalate("zh", "g10zh13", "周末客服上班吗？", False),
    escalate("zh", "g10zh14", "送给什么都不缺的人，买什么好？", False),
    escalate("zh", "g10zh15", "你们团队推荐哪些产品？", False),
    escalate("zh", "g10zh16", "有机器人造型的玩具吗？", False),
    price("ja", "g10ja01", "Dodge Hornet GT Plus はおいくらですか？", "Dodge Hornet GT Plus"),
    stock("ja", "g10ja02", "Samsung Galaxy Tab S8 Plus Grey の在庫はありますか？", "Samsung Galaxy Tab S8 Plus Grey"),
    escalate("ja", "g10ja03", "生身の人に返事をもらえますか？", True),
    escalate("ja", "g10ja04", "担当のエージェントに回してください", True),
    escalate("ja", "g10ja05", "このチャット、人が読んでいますか？", True),
    escalate("ja", "g10ja06", "自動返信ではなく、本当の人と話したい", True),
    escalate("ja", "g10ja07", "販売スタッフにアドバイスしてもらいたいです", True),
    escalate("ja", "g10ja08", "今日の午後、誰かから電話をもらえますか？", True),
    escalate("ja", "g10ja09", "店長を出してください", True),
    escalate("ja", "g10ja10", "今すぐサポートにつないで", True),
    escalate("ja", "g10ja11", "営業部と連絡を取りたいのですが", True),
    escalate("ja", "g10ja12", "機械と話しているんですか？人のほうがいいです", True),
    escalate("ja", "g10ja13", "サポート窓口は土曜日も開いていますか？", False),
    escalate("ja", "g10ja14", "何でも持っている人へのプレゼントは何がいいですか？", False),
    escalate("ja", "g10ja15", "スタッフが実際に使っている商品はどれですか？", False),
    escalate("ja", "g10ja16", "ロボットの形のおもちゃはありますか？", False),
]

if __name__ == "__main__":
    write("answers-lang-fresh10.jsonl", FRESH10)
