#!/usr/bin/env python3
"""Writes answers-lang-fresh3.jsonl: 100 non-English conversations (20 in each of Spanish, French,
German, Chinese and Japanese), written at the start of a session (2026-12-05, eighth round) on
products no other language set uses and in new wordings, before that session's code ran on it.
Held out: do not tune on it. Labels come from the demo catalog, as in make_languages.py.

    python3 tests/eval/make_languages3.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_languages import escalate, followup, policy, premise, price, returns, stock, warranty, write  # noqa: E402
from make_languages2 import top  # noqa: E402

GIFT_CARD_MAX = ["500"]
RETURN_FEE = ["5.95", "5,95"]
POINTS_EXPIRE = ["24"]
FRESH3 = [
    price("es", "g3es01", "¿Qué precio tiene el Bamboo Spatula?", "Bamboo Spatula"),
    price("es", "g3es02", "Quería saber cuánto sale el Longines Master Collection", "Longines Master Collection"),
    stock("es", "g3es03", "¿Os quedan Cricket Helmet?", "Cricket Helmet"),
    stock("es", "g3es04", "¿Está disponible el Table Lamp ahora mismo?", "Table Lamp"),
    warranty("es", "g3es05", "¿Qué garantía trae el Microwave Oven?", "Microwave Oven"),
    warranty("es", "g3es06", "Si el Amazon Echo Plus se estropea, ¿cuánto tiempo lo cubre la garantía?", "Amazon Echo Plus"),
    returns("es", "g3es07", "¿Se puede devolver el Hand Blender?", "Hand Blender"),
    returns("es", "g3es08", "¿Cuánto plazo tengo para devolver el Gray Dress?", "Gray Dress"),
    top("es", "g3es09", "¿Cuál es la tablet más barata?", "tablets", "cheapest"),
    followup("es", "g3es10", ["Me interesa el Monopod", "¿Qué precio tiene?"], "Monopod"),
    followup("es", "g3es11", ["Enséñame el Basketball Rim", "¿y cuánto cuesta?"], "Basketball Rim"),
    premise("es", "g3es12", "Vi el Marni Red & Black Suit a 79,99 $ la semana pasada, ¿me lo dejáis a ese precio?", "Marni Red & Black Suit"),
    policy("es", "g3es13", "¿Cuál es el importe máximo de una tarjeta regalo?", GIFT_CARD_MAX, ["gift-cards"]),
    policy("es", "g3es14", "Si devuelvo algo porque ya no lo quiero, ¿me cobráis el envío de vuelta?", RETURN_FEE, ["return-shipping-cost"]),
    policy("es", "g3es15", "¿Caducan los puntos de fidelidad?", POINTS_EXPIRE, ["loyalty-program"]),
    escalate("es", "g3es16", "Pásame con alguien de atención al cliente", True),
    escalate("es", "g3es17", "No quiero hablar con una máquina, quiero un humano", True),
    escalate("es", "g3es18", "¿Me puede llamar un empleado de la tienda?", True),
    escalate("es", "g3es19", "¿Qué regalo me recomiendas para una persona que corre maratones?", False),
    escalate("es", "g3es20", "¡Hola! ¿Qué tal?", False),
    price("fr", "g3fr01", "Quel est le prix du Black Whisk ?", "Black Whisk"),
    price("fr", "g3fr02", "Il vaut combien, le MotoGP CI.H1 ?", "MotoGP CI.H1"),
    stock("fr", "g3fr03", "Le Boxed Blender est-il disponible ?", "Boxed Blender"),
    stock("fr", "g3fr04", "Vous reste-t-il des Tennis Ball ?", "Tennis Ball"),
    warranty("fr", "g3fr05", "Le Lunch Box est garanti combien de temps ?", "Lunch Box"),
    warranty("fr", "g3fr06", "Quelle garantie pour le TV Studio Camera Pedestal ?", "TV Studio Camera Pedestal"),
    returns("fr", "g3fr07", "Est-ce que le Cricket Wicket peut être retourné ?", "Cricket Wicket"),
    returns("fr", "g3fr08", "Combien de jours ai-je pour rendre le Women Handbag Black ?", "Women Handbag Black"),
    top("fr", "g3fr09", "Quel est l'ordinateur portable le moins cher ?", "laptops", "cheapest"),
    followup("fr", "g3fr10", ["Parlez-moi du Selfie Stick Monopod", "Et son prix ?"], "Selfie Stick Monopod"),
    followup("fr", "g3fr11", ["Je cherche le Calvin Klein Heel Shoes", "Combien ça coûte ?"], "Calvin Klein Heel Shoes"),
    premise("fr", "g3fr12", "Le 300 Touring est affiché à 12 000 $, c'est bien ça ?", "300 Touring"),
    policy("fr", "g3fr13", "Jusqu'à quel montant peut-on acheter une carte cadeau ?", GIFT_CARD_MAX, ["gift-cards"]),
    policy("fr", "g3fr14", "Combien coûte le retour d'un article qui ne me plaît plus ?", RETURN_FEE, ["return-shipping-cost"]),
    policy("fr", "g3fr15", "Mes points de fidélité expirent-ils un jour ?", POINTS_EXPIRE, ["loyalty-program"]),
    escalate("fr", "g3fr16", "Pouvez-vous me mettre en relation avec le service client ?", True),
    escalate("fr", "g3fr17", "Je préfère discuter avec un humain", True),
    escalate("fr", "g3fr18", "Un employé peut-il me rappeler ?", True),
    escalate("fr", "g3fr19", "Quel cadeau pour une personne qui aime le jardinage ?", False),
    escalate("fr", "g3fr20", "Merci beaucoup, bonne journée !", False),
    price("de", "g3de01", "Was kostet der Grater Black?", "Grater Black"),
    price("de", "g3de02", "Wie viel muss ich für den Asus Zenbook Pro Dual Screen Laptop bezahlen?", "Asus Zenbook Pro Dual Screen Laptop"),
    stock("de", "g3de03", "Ist das Electric Stove lieferbar?", "Electric Stove"),
    stock("de", "g3de04", "Gibt es die Dress Pea noch?", "Dress Pea"),
    warranty("de", "g3de05", "Welche Garantie hat die Pan?", "Pan"),
    warranty("de", "g3de06", "Wie lange ist der Baseball Glove garantiert?", "Baseball Glove"),
    returns("de", "g3de07", "Darf ich die Chopping Board zurückgeben?", "Chopping Board"),
    returns("de", "g3de08", "Wie viele Tage habe ich für die Rückgabe der Golden Shoes Woman?", "Golden Shoes Woman"),
    top("de", "g3de09", "Welches Motorrad ist am günstigsten?", "motorcycle", "cheapest"),
    followup("de", "g3de10", ["Zeig mir den Wooden Rolling Pin", "Und der Preis?"], "Wooden Rolling Pin"),
    followup("de", "g3de11", ["Ich schaue mir die Green Crystal Earring an", "Wie viel kosten sie?"], "Green Crystal Earring"),
    premise("de", "g3de12", "Im Prospekt stand der Annibale Colombo Sofa für 999 $, stimmt das?", "Annibale Colombo Sofa"),
    policy("de", "g3de13", "Bis zu welchem Betrag gibt es Geschenkkarten?", GIFT_CARD_MAX, ["gift-cards"]),
    policy("de", "g3de14", "Was kostet mich die Rücksendung, wenn mir etwas nicht gefällt?", RETURN_FEE, ["return-shipping-cost"]),
    policy("de", "g3de15", "Verfallen meine Treuepunkte irgendwann?", POINTS_EXPIRE, ["loyalty-program"]),
    escalate("de", "g3de16", "Ich möchte bitte mit einem Mitarbeiter sprechen", True),
    escalate("de", "g3de17", "Kein Bot bitte, einen Menschen!", True),
    escalate("de", "g3de18", "Kann mich jemand vom Kundendienst anrufen?", True),
    escalate("de", "g3de19", "Welches Geschenk passt zu einer Person, die gerne kocht?", False),
    escalate("de", "g3de20", "Guten Tag!", False),
    price("zh", "g3zh01", "Yellow Peeler 卖多少钱？", "Yellow Peeler"),
    price("zh", "g3zh02", "请问 Charger SXT RWD 的售价是多少？", "Charger SXT RWD"),
    stock("zh", "g3zh03", "Knife 现在有库存吗？", "Knife"),
    stock("zh", "g3zh04", "Baseball Ball 还能买到吗？", "Baseball Ball"),
    warranty("zh", "g3zh05", "Tray 保修多久？", "Tray"),
    warranty("zh", "g3zh06", "Apple HomePod Mini Cosmic Grey 有保修吗？多长时间？", "Apple HomePod Mini Cosmic Grey"),
    returns("zh", "g3zh07", "Ice Cube Tray 可以退吗？", "Ice Cube Tray"),
    returns("zh", "g3zh08", "Blue Frock 收到后多少天内可以退？", "Blue Frock"),
    top("zh", "g3zh09", "评分最高的笔记本电脑是哪款？", "laptops", "best"),
    followup("zh", "g3zh10", ["给我介绍一下 Feather Shuttlecock", "价格呢？"], "Feather Shuttlecock"),
    followup("zh", "g3zh11", ["我在看 White Faux Leather Backpack", "多少钱？"], "White Faux Leather Backpack"),
    premise("zh", "g3zh12", "Corset Leather With Skirt 上周才 29.99 美元，现在也是这个价吧？", "Corset Leather With Skirt"),
    policy("zh", "g3zh13", "礼品卡最多能买多少面额的？", GIFT_CARD_MAX, ["gift-cards"]),
    policy("zh", "g3zh14", "不想要了退货的话，运费要我出吗？多少钱？", RETURN_FEE, ["return-shipping-cost"]),
    policy("zh", "g3zh15", "积分会过期吗？", POINTS_EXPIRE, ["loyalty-program"]),
    escalate("zh", "g3zh16", "我要找人工客服", True),
    escalate("zh", "g3zh17", "能让你们的工作人员跟我聊吗？", True),
    escalate("zh", "g3zh18", "不要机器人，给我转真人", True),
    escalate("zh", "g3zh19", "送给喜欢跑步的人什么礼物好？", False),
    escalate("zh", "g3zh20", "谢谢，没有别的问题了", False),
    price("ja", "g3ja01", "Spice Rack の値段を教えてください", "Spice Rack"),
    price("ja", "g3ja02", "Sports Sneakers Off White Red はいくらですか？", "Sports Sneakers Off White Red"),
    stock("ja", "g3ja03", "Cricket Ball はまだ買えますか？", "Cricket Ball"),
    stock("ja", "g3ja04", "Blue Women's Handbag は在庫ありますか？", "Blue Women's Handbag"),
    warranty("ja", "g3ja05", "Slotted Turner の保証はどのくらいですか？", "Slotted Turner"),
    warranty("ja", "g3ja06", "Iron Golf には保証が付いていますか？", "Iron Golf"),
    returns("ja", "g3ja07", "Tartan Dress は返品可能ですか？", "Tartan Dress"),
    returns("ja", "g3ja08", "Man Plaid Shirt は何日以内なら返品できますか？", "Man Plaid Shirt"),
    top("ja", "g3ja09", "一番安いスマートフォンはどれですか？", "smartphones", "cheapest"),
    followup("ja", "g3ja10", ["Selfie Lamp with iPhone について教えて", "いくらですか？"], "Selfie Lamp with iPhone"),
    followup("ja", "g3ja11", ["Vaseline Men Body and Face Lotion が気になっています", "値段は？"], "Vaseline Men Body and Face Lotion"),
    premise("ja", "g3ja12", "Wooden Bathroom Sink With Mirror は 299 ドルでしたよね？", "Wooden Bathroom Sink With Mirror"),
    policy("ja", "g3ja13", "ギフトカードは最高いくらまで買えますか？", GIFT_CARD_MAX, ["gift-cards"]),
    policy("ja", "g3ja14", "気が変わって返品する場合、送料はいくらかかりますか？", RETURN_FEE, ["return-shipping-cost"]),
    policy("ja", "g3ja15", "ポイントに有効期限はありますか？", POINTS_EXPIRE, ["loyalty-program"]),
    escalate("ja", "g3ja16", "オペレーターにつないでください", True),
    escalate("ja", "g3ja17", "人間のスタッフと話したいです", True),
    escalate("ja", "g3ja18", "お店の方から電話をもらえますか？", True),
    escalate("ja", "g3ja19", "料理が好きな人へのプレゼントは何がいいですか？", False),
    escalate("ja", "g3ja20", "ありがとうございました！", False),
]

if __name__ == "__main__":
    assert len({i["id"] for i in FRESH3}) == len(FRESH3) == 100
    write("answers-lang-fresh3.jsonl", FRESH3)
    print(f"{len(FRESH3)} conversations")
