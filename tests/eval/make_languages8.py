#!/usr/bin/env python3
"""Writes answers-lang-fresh8.jsonl: 70 non-English conversations (14 in each of Spanish, French,
German, Chinese and Japanese): four product facts, eight requests for a person in words no other
set uses, and two questions that only look like one. Written during a session (2026-12-05, ninth
round, late) after the fixes lang-fresh7 showed (presence words, a person of the staff, more
team names, a French price idiom), before any code ran on it: their held-out measure. Do not tune
on it.

    python3 tests/eval/make_languages8.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_languages import escalate, price, returns, stock, warranty, write  # noqa: E402

FRESH8 = [
    price("es", "g8es01", "¿Cuánto sale el Metal Baseball Bat?", "Metal Baseball Bat"),
    stock("es", "g8es02", "¿Queda algún American Football?", "American Football"),
    warranty("es", "g8es03", "¿Cuál es la garantía del Women's Wrist Watch?", "Women's Wrist Watch"),
    returns("es", "g8es04", "¿Puedo devolver el Blue & Black Check Shirt?", "Blue & Black Check Shirt"),
    escalate("es", "g8es05", "¿Puede atenderme una persona del equipo de ventas?", True),
    escalate("es", "g8es06", "Quiero que me llame un asesor", True),
    escalate("es", "g8es07", "¿Hay alguien disponible para hablar?", True),
    escalate("es", "g8es08", "Pásenme con el servicio técnico", True),
    escalate("es", "g8es09", "Me gustaría hablar con un encargado de la tienda", True),
    escalate("es", "g8es10", "No me sirve un robot, necesito ayuda humana", True),
    escalate("es", "g8es11", "¿Dónde está el servicio al cliente? Quiero hacer una reclamación", True),
    escalate("es", "g8es12", "¿Puedo chatear con un empleado de verdad?", True),
    escalate("es", "g8es13", "¿Este reloj le queda bien a una persona con muñeca fina?", False),
    escalate("es", "g8es14", "¿Qué robot de cocina tenéis?", False),
    price("fr", "g8fr01", "Le Glass coûte combien ?", "Glass"),
    stock("fr", "g8fr02", "Avez-vous encore du Juice ?", "Juice"),
    warranty("fr", "g8fr03", "Quelle garantie a le Tissue Paper Box ?", "Tissue Paper Box"),
    returns("fr", "g8fr04", "Puis-je renvoyer le Man Short Sleeve Shirt ?", "Man Short Sleeve Shirt"),
    escalate("fr", "g8fr05", "Je souhaite parler avec le service commercial", True),
    escalate("fr", "g8fr06", "Un de vos collaborateurs peut-il me contacter ?", True),
    escalate("fr", "g8fr07", "Est-ce qu'un humain est disponible ?", True),
    escalate("fr", "g8fr08", "Mettez-moi en relation avec un technicien, svp", True),
    escalate("fr", "g8fr09", "Je ne veux plus discuter avec un chatbot", True),
    escalate("fr", "g8fr10", "Quelqu'un de chez vous peut m'appeler ?", True),
    escalate("fr", "g8fr11", "J'exige de parler à un supérieur", True),
    escalate("fr", "g8fr12", "Puis-je joindre un agent par téléphone ?", True),
    escalate("fr", "g8fr13", "Ce cadeau convient-il à une personne qui aime cuisiner ?", False),
    escalate("fr", "g8fr14", "Le robot pâtissier est-il en stock ?", False),
    price("de", "g8de01", "Was kostet die Eyeshadow Palette with Mirror?", "Eyeshadow Palette with Mirror"),
    stock("de", "g8de02", "Ist das Beef Steak vorrätig?", "Beef Steak"),
    warranty("de", "g8de03", "Hat das Water eine Garantie?", "Water"),
    returns("de", "g8de04", "Kann ich den Metal Baseball Bat zurücksenden?", "Metal Baseball Bat"),
    escalate("de", "g8de05", "Ich möchte einen Kundenbetreuer sprechen", True),
    escalate("de", "g8de06", "Gibt es jemanden im Team, der mir helfen kann?", True),
    escalate("de", "g8de07", "Kann mich bitte eine echte Person zurückrufen?", True),
    escalate("de", "g8de08", "Bitte verbinden Sie mich mit dem Verkauf", True),
    escalate("de", "g8de09", "Ich habe genug vom Bot, ich will einen Menschen", True),
    escalate("de", "g8de10", "Ist jemand von Ihrem Support online?", True),
    escalate("de", "g8de11", "Darf ich mit Ihrem Vorgesetzten sprechen?", True),
    escalate("de", "g8de12", "Schicken Sie mir einen Mitarbeiter in den Chat", True),
    escalate("de", "g8de13", "Ist dieser Stuhl für Menschen mit Rückenschmerzen geeignet?", False),
    escalate("de", "g8de14", "Verkaufen Sie Rasenmähroboter?", False),
    price("zh", "g8zh01", "Cooking Oil 什么价格？", "Cooking Oil"),
    stock("zh", "g8zh02", "Mulberry 有库存吗？", "Mulberry"),
    warranty("zh", "g8zh03", "Bedside Table African Cherry 保修几年？", "Bedside Table African Cherry"),
    returns("zh", "g8zh04", "Women's Wrist Watch 能退货吗？", "Women's Wrist Watch"),
    escalate("zh", "g8zh05", "我想找客服人员聊聊", True),
    escalate("zh", "g8zh06", "能不能安排人工客服？", True),
    escalate("zh", "g8zh07", "有没有真人在线？", True),
    escalate("zh", "g8zh08", "请你们的员工给我回电话", True),
    escalate("zh", "g8zh09", "我不要机器人，我要真人", True),
    escalate("zh", "g8zh10", "帮我联系一下售后", True),
    escalate("zh", "g8zh11", "我要找你们领导", True),
    escalate("zh", "g8zh12", "可以让店员跟我说话吗？", True),
    escalate("zh", "g8zh13", "这款手表适合运动的人吗？", False),
    escalate("zh", "g8zh14", "有没有人造革的钱包？", False),
    price("ja", "g8ja01", "IWC Ingenieur Automatic Steel の価格を教えて", "IWC Ingenieur Automatic Steel"),
    stock("ja", "g8ja02", "Lemon は在庫がありますか？", "Lemon"),
    warranty("ja", "g8ja03", "Green Chili Pepper に保証はありますか？", "Green Chili Pepper"),
    returns("ja", "g8ja04", "American Football は返品可能ですか？", "American Football"),
    escalate("ja", "g8ja05", "スタッフの方とお話しできますか", True),
    escalate("ja", "g8ja06", "人間のオペレーターをお願いします", True),
    escalate("ja", "g8ja07", "担当者から折り返し電話がほしいです", True),
    escalate("ja", "g8ja08", "ボットではなく人に対応してほしい", True),
    escalate("ja", "g8ja09", "上司の方を呼んでください", True),
    escalate("ja", "g8ja10", "どなたか対応できる方はいますか？", True),
    escalate("ja", "g8ja11", "サポート窓口につないでください", True),
    escalate("ja", "g8ja12", "店員さんと直接話せますか？", True),
    escalate("ja", "g8ja13", "この椅子は腰痛の人に向いていますか？", False),
    escalate("ja", "g8ja14", "ロボット玩具はありますか？", False),
]

if __name__ == "__main__":
    assert len({i["id"] for i in FRESH8}) == len(FRESH8) == 70
    write("answers-lang-fresh8.jsonl", FRESH8)
    print(f"{len(FRESH8)} conversations")
