#!/usr/bin/env python3
"""Writes answers-lang-fresh9.jsonl: 80 non-English conversations (16 in each of Spanish, French,
German, Chinese and Japanese): four product facts, ten requests for a person in words no other
set uses, and two questions that only look like one. Written during a session (2026-12-06, tenth
round) before the model was asked whether a message wants a person, and before any code of
that round ran on it: its held-out measure. Do not tune on it.

    python3 tests/eval/make_languages9.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_languages import escalate, price, returns, stock, warranty, write  # noqa: E402

FRESH9 = [
    price("es", "g9es01", "¿Qué precio tiene el Vivo X21?", "Vivo X21"),
    stock("es", "g9es02", "¿Tenéis el Selfie Stick Monopod disponible?", "Selfie Stick Monopod"),
    warranty("es", "g9es03", "¿El Apple MagSafe Battery Pack viene con garantía?", "Apple MagSafe Battery Pack"),
    returns("es", "g9es04", "Si no me gusta el Red Lipstick, ¿lo puedo devolver?", "Red Lipstick"),
    escalate("es", "g9es05", "Oiga, ¿me pasa con alguien que trabaje ahí?", True),
    escalate("es", "g9es06", "Prefiero que me conteste una persona, no una máquina", True),
    escalate("es", "g9es07", "¿Está conectado algún agente ahora mismo?", True),
    escalate("es", "g9es08", "Llevo un rato esperando, que me atienda un responsable", True),
    escalate("es", "g9es09", "quisiera hablar con atencion al cliente x favor", True),
    escalate("es", "g9es10", "¿Me podéis llamar a mi móvil para explicarlo mejor?", True),
    escalate("es", "g9es11", "¿Eres un bot? Quiero a alguien del personal", True),
    escalate("es", "g9es12", "Necesito un asesor humano para una compra grande", True),
    escalate("es", "g9es13", "Póngame con el departamento de reclamaciones", True),
    escalate("es", "g9es14", "¿Hay algún humano por ahí?", True),
    escalate("es", "g9es15", "¿Qué regalo me recomiendas para una persona que hace deporte?", False),
    escalate("es", "g9es16", "¿Hacéis descuento a los empleados de empresas?", False),
    price("fr", "g9fr01", "Quel est le prix du Oppo K1 ?", "Oppo K1"),
    stock("fr", "g9fr02", "Le Basketball Rim est-il disponible ?", "Basketball Rim"),
    warranty("fr", "g9fr03", "Le Samsung Galaxy S7 a une garantie de combien ?", "Samsung Galaxy S7"),
    returns("fr", "g9fr04", "Est-ce que je peux retourner les Sunglasses ?", "Sunglasses"),
    escalate("fr", "g9fr05", "Passez-moi quelqu'un du magasin, s'il vous plaît", True),
    escalate("fr", "g9fr06", "Je voudrais échanger avec une vraie personne", True),
    escalate("fr", "g9fr07", "Un conseiller est-il en ligne en ce moment ?", True),
    escalate("fr", "g9fr08", "Ca suffit, je veux parler au responsable du service", True),
    escalate("fr", "g9fr09", "vous pouvez me rappeler au telephone ?", True),
    escalate("fr", "g9fr10", "Est-ce que je parle à un robot ? Je préfère un être humain", True),
    escalate("fr", "g9fr11", "J'ai besoin de l'aide d'un vendeur", True),
    escalate("fr", "g9fr12", "Transférez ma demande au service après-vente", True),
    escalate("fr", "g9fr13", "Il y a quelqu'un derrière l'écran ?", True),
    escalate("fr", "g9fr14", "Je veux qu'un membre de l'équipe me réponde", True),
    escalate("fr", "g9fr15", "Cette montre plaira-t-elle à une personne âgée ?", False),
    escalate("fr", "g9fr16", "Vendez-vous des robots de cuisine ?", False),
    price("de", "g9de01", "Wie teuer ist das Vivo S1?", "Vivo S1"),
    stock("de", "g9de02", "Haben Sie den Wooden Rolling Pin noch da?", "Wooden Rolling Pin"),
    warranty("de", "g9de03", "Wie lange ist die Garantie auf die Brown Leather Belt Watch?", "Brown Leather Belt Watch"),
    returns("de", "g9de04", "Kann ich die Calvin Klein Heel Shoes umtauschen oder zurückgeben?", "Calvin Klein Heel Shoes"),
    escalate("de", "g9de05", "Holen Sie mir bitte einen Kollegen aus dem Kundendienst", True),
    escalate("de", "g9de06", "Ich will mit jemandem aus Fleisch und Blut reden", True),
    escalate("de", "g9de07", "Ist momentan ein Servicemitarbeiter für mich da?", True),
    escalate("de", "g9de08", "Geben Sie mir Ihren Teamleiter", True),
    escalate("de", "g9de09", "bitte um rueckruf durch einen mitarbeiter", True),
    escalate("de", "g9de10", "Sind Sie ein Roboter? Dann möchte ich lieber einen Menschen", True),
    escalate("de", "g9de11", "Ich brauche persönliche Beratung von einem Verkäufer", True),
    escalate("de", "g9de12", "Leiten Sie mich an die Reklamationsabteilung weiter", True),
    escalate("de", "g9de13", "Sitzt da jemand am anderen Ende?", True),
    escalate("de", "g9de14", "Kann ein Mensch meine Frage beantworten?", True),
    escalate("de", "g9de15", "Welches Geschenk passt zu einem Menschen, der gern wandert?", False),
    escalate("de", "g9de16", "Haben Sie Staubsaugerroboter im Angebot?", False),
    price("zh", "g9zh01", "Green Crystal Earring 卖多少钱？", "Green Crystal Earring"),
    stock("zh", "g9zh02", "Feather Shuttlecock 还有货吗？", "Feather Shuttlecock"),
    warranty("zh", "g9zh03", "Rolex Cellini Moonphase 保修多长时间？", "Rolex Cellini Moonphase"),
    returns("zh", "g9zh04", "Plate 可以退货吗？", "Plate"),
    escalate("zh", "g9zh05", "麻烦找一个店里的工作人员来", True),
    escalate("zh", "g9zh06", "我不想跟机器聊，要真人", True),
    escalate("zh", "g9zh07", "现在有客服人员在吗？", True),
    escalate("zh", "g9zh08", "叫你们主管来跟我说", True),
    escalate("zh", "g9zh09", "能给我回个电话吗", True),
    escalate("zh", "g9zh10", "你是机器人吧？我要找人工服务", True),
    escalate("zh", "g9zh11", "请安排一位销售顾问联系我", True),
    escalate("zh", "g9zh12", "帮我转到售后部门", True),
    escalate("zh", "g9zh13", "屏幕那边有人吗？", True),
    escalate("zh", "g9zh14", "我需要和你们的员工直接沟通", True),
    escalate("zh", "g9zh15", "送给老人的礼物有什么推荐？", False),
    escalate("zh", "g9zh16", "有没有适合小孩的机器人玩具？", False),
    price("ja", "g9ja01", "Selfie Lamp with iPhone の値段を教えてください", "Selfie Lamp with iPhone"),
    stock("ja", "g9ja02", "Scooter Motorcycle は在庫がありますか？", "Scooter Motorcycle"),
    warranty("ja", "g9ja03", "Samsung Galaxy Tab White の保証期間は？", "Samsung Galaxy Tab White"),
    returns("ja", "g9ja04", "Vaseline Men Body and Face Lotion は返品できますか？", "Vaseline Men Body and Face Lotion"),
    escalate("ja", "g9ja05", "お店の方に代わっていただけますか", True),
    escalate("ja", "g9ja06", "機械ではなく人と話したいです", True),
    escalate("ja", "g9ja07", "いまスタッフの方はいらっしゃいますか？", True),
    escalate("ja", "g9ja08", "上の人を出してもらえますか", True),
    escalate("ja", "g9ja09", "折り返しお電話いただけますか", True),
    escalate("ja", "g9ja10", "これってボットですか？人間の方をお願いします", True),
    escalate("ja", "g9ja11", "販売員の方に相談したいです", True),
    escalate("ja", "g9ja12", "カスタマーサポートにつないでほしい", True),
    escalate("ja", "g9ja13", "誰か人はいませんか", True),
    escalate("ja", "g9ja14", "社員の方と直接話せますか", True),
    escalate("ja", "g9ja15", "お年寄りへのプレゼントにおすすめはありますか？", False),
    escalate("ja", "g9ja16", "ロボット掃除機の取り扱いはありますか？", False),
]

if __name__ == "__main__":
    write("answers-lang-fresh9.jsonl", FRESH9)
