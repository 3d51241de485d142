#!/usr/bin/env python3
"""Writes retrieval-languages.jsonl (tuning: the translation prompt was chosen on it),
retrieval-languages-heldout.jsonl (unseen for the translation prompt) and
retrieval-languages-fresh.jsonl (unseen for the multilingual model) and
retrieval-languages-fresh2.jsonl (written 2026-12-05, before any code ran on it): queries of retrieval.jsonl (their judgements copied)
in English and in Spanish, French, German, Chinese and Japanese, written as a shopper of each
language would. `aisle eval retrieval` reports hybrid nDCG@10 per language, as written and
translated into English by the model; English is the figure each language is held against.

    python3 tests/eval/make_retrieval_languages.py
"""
import json
from pathlib import Path

HERE = Path(__file__).parent
JUDGED = {j["query"]: j["relevant"] for j in map(json.loads, (HERE / "retrieval.jsonl").read_text().splitlines()) if j}

QUERIES = {
    "red lipstick": ["pintalabios rojo", "rouge à lèvres rouge", "roter Lippenstift", "红色口红", "赤い口紅"],
    "samsung galaxy tablet": ["tableta samsung galaxy", "tablette samsung galaxy", "Samsung Galaxy Tablet", "三星 Galaxy 平板", "サムスン Galaxy タブレット"],
    "cricket bat": ["bate de críquet", "batte de cricket", "Cricketschläger", "板球拍", "クリケットのバット"],
    "dog food": ["comida para perros", "nourriture pour chien", "Hundefutter", "狗粮", "ドッグフード"],
    "leather handbag": ["bolso de cuero", "sac à main en cuir", "Ledertasche", "皮革手提包", "革のハンドバッグ"],
    "sunglasses": ["gafas de sol", "lunettes de soleil", "Sonnenbrille", "太阳镜", "サングラス"],
    "electric stove": ["cocina eléctrica", "réchaud électrique", "Elektroherd", "电炉", "電気コンロ"],
    "fragrance for women": ["perfume para mujer", "parfum pour femme", "Parfüm für Damen", "女士香水", "女性用の香水"],
    "cordless earbuds": ["auriculares inalámbricos", "écouteurs sans fil", "kabellose Ohrhörer", "无线耳机", "ワイヤレスイヤホン"],
    "heat up leftovers quickly": ["calentar las sobras rápido", "réchauffer les restes rapidement", "Reste schnell aufwärmen", "快速加热剩饭", "残り物をすぐに温める"],
    "smoothie maker": ["máquina para hacer batidos", "appareil à smoothies", "Smoothie-Maker", "做奶昔的机器", "スムージーを作る機械"],
    "two wheeler": ["moto", "deux-roues motorisé", "Motorrad", "摩托车", "バイク"],
    "couch": ["sofá", "canapé", "Couch", "沙发", "ソファ"],
    "desk chair for the office": ["silla de escritorio para la oficina", "chaise de bureau", "Bürostuhl", "办公椅", "オフィスチェア"],
    "evening gown": ["vestido de noche", "robe de soirée", "Abendkleid", "晚礼服", "イブニングドレス"],
    "is delivery free": ["¿el envío es gratis?", "la livraison est-elle gratuite ?", "ist der Versand kostenlos?", "免运费吗？", "送料は無料ですか？"],
    "can I send back something I don't like": ["¿puedo devolver algo que no me gusta?", "puis-je renvoyer un article qui ne me plaît pas ?",
                                               "kann ich etwas zurückschicken, das mir nicht gefällt?", "不喜欢的东西可以退回吗？", "気に入らない商品は返品できますか？"],
    "do you take paypal": ["¿aceptan paypal?", "acceptez-vous paypal ?", "kann man mit PayPal zahlen?", "可以用PayPal付款吗？", "PayPalは使えますか？"],
    "when will I get my money back": ["¿cuándo me devuelven el dinero?", "quand serai-je remboursé ?", "wann bekomme ich mein Geld zurück?", "什么时候能退款？", "いつ返金されますか？"],
    "I forgot my login": ["olvidé mi contraseña", "j'ai oublié mon mot de passe", "ich habe mein Passwort vergessen", "我忘记密码了", "パスワードを忘れました"],
}

# Written after the translation prompt was chosen on QUERIES (which makes those a tuning set),
# and run once: the unseen per-language figures.
HELDOUT = {
    "mascara": ["rímel", "mascara pour les cils", "Wimperntusche", "睫毛膏", "マスカラ"],
    "rolex submariner": ["reloj Rolex Submariner", "montre Rolex Submariner", "Rolex Submariner Uhr", "劳力士 Submariner 手表", "ロレックス サブマリーナー"],
    "macbook pro": ["portátil MacBook Pro", "ordinateur MacBook Pro", "MacBook Pro Notebook", "MacBook Pro 笔记本", "MacBook Pro のノートパソコン"],
    "airpods": ["auriculares AirPods de Apple", "écouteurs AirPods", "AirPods Kopfhörer", "苹果 AirPods 耳机", "アップルの AirPods"],
    "wok": ["sartén wok", "poêle wok", "Wok-Pfanne", "炒锅", "中華鍋"],
    "iphone 13": ["el iPhone 13", "l'iPhone 13", "das iPhone 13", "iPhone 13 手机", "iPhone 13 のスマホ"],
    "gucci perfume": ["perfume de Gucci", "parfum Gucci", "Gucci Parfüm", "古驰香水", "グッチの香水"],
    "something to keep my coffee warm": ["algo para mantener caliente el café", "quelque chose pour garder mon café chaud", "etwas, das meinen Kaffee warm hält", "能让咖啡保温的东西", "コーヒーを温かく保つもの"],
    "luxury timepiece": ["reloj de lujo", "montre de luxe", "Luxusuhr", "奢华手表", "高級腕時計"],
    "fresh fruit": ["fruta fresca", "fruits frais", "frisches Obst", "新鲜水果", "新鮮な果物"],
    "where is my order": ["¿dónde está mi pedido?", "où est ma commande ?", "wo ist meine Bestellung?", "我的订单在哪里？", "注文した商品はどこですか？"],
    "my blender broke after two months": ["mi licuadora se rompió a los dos meses", "mon mixeur est tombé en panne après deux mois", "mein Mixer ist nach zwei Monaten kaputtgegangen", "我的搅拌机用了两个月就坏了", "ミキサーが二か月で壊れました"],
}

# Written before the multilingual embedding model was first measured (the held-out set above had
# been run for the translation prompts), from retrieval.jsonl queries neither set uses: unseen.
FRESH = {
    "nike basketball shoes": ["zapatillas de baloncesto Nike", "chaussures de basket Nike", "Nike Basketballschuhe", "耐克篮球鞋", "ナイキのバスケットボールシューズ"],
    "notebook computer for work": ["ordenador portátil para trabajar", "ordinateur portable pour le travail", "Laptop für die Arbeit", "办公用的笔记本电脑", "仕事用のノートパソコン"],
    "thing to flip pancakes": ["algo para dar la vuelta a las tortitas", "un ustensile pour retourner les crêpes", "etwas zum Wenden von Pfannkuchen", "翻煎饼的工具", "パンケーキをひっくり返す道具"],
    "voice assistant for the living room": ["asistente de voz para el salón", "assistant vocal pour le salon", "Sprachassistent fürs Wohnzimmer", "客厅用的语音助手", "リビング用の音声アシスタント"],
    "family car with sliding doors": ["coche familiar con puertas correderas", "voiture familiale à portes coulissantes", "Familienauto mit Schiebetüren", "带滑动门的家用车", "スライドドアのファミリーカー"],
    "portable power for my phone": ["batería portátil para el móvil", "batterie externe pour mon téléphone", "Powerbank für mein Handy", "手机充电宝", "スマホ用のモバイルバッテリー"],
    "something to sleep on": ["algo para dormir encima", "quelque chose sur quoi dormir", "etwas zum Draufschlafen", "睡觉用的东西", "寝るためのもの"],
    "cut vegetables": ["cortar verduras", "couper des légumes", "Gemüse schneiden", "切菜", "野菜を切る"],
    "summer dress for my daughter": ["vestido de verano para mi hija", "robe d'été pour ma fille", "Sommerkleid für meine Tochter", "给女儿的夏季连衣裙", "娘の夏用ワンピース"],
    "moisturiser": ["crema hidratante", "crème hydratante", "Feuchtigkeitscreme", "保湿霜", "保湿クリーム"],
    "how long until my package arrives": ["¿cuánto tarda en llegar mi paquete?", "dans combien de temps mon colis arrive-t-il ?", "wie lange dauert es, bis mein Paket ankommt?", "我的包裹多久能到？", "荷物はどのくらいで届きますか？"],
    "opening hours of customer service": ["horario de atención al cliente", "horaires du service client", "Öffnungszeiten des Kundenservice", "客服的营业时间", "カスタマーサービスの営業時間"],
    "can I pay monthly": ["¿puedo pagar a plazos?", "puis-je payer en plusieurs fois ?", "kann ich in Raten zahlen?", "可以分期付款吗？", "分割払いはできますか？"],
    "do you deliver abroad": ["¿hacen envíos al extranjero?", "livrez-vous à l'étranger ?", "liefern Sie ins Ausland?", "你们送货到国外吗？", "海外へ発送できますか？"],
    "buy a present voucher": ["comprar un vale regalo", "acheter un bon cadeau", "einen Geschenkgutschein kaufen", "购买礼品券", "ギフト券を買いたい"],
    "erase my personal data": ["borrar mis datos personales", "effacer mes données personnelles", "meine persönlichen Daten löschen", "删除我的个人数据", "個人データを消去したい"],
    "cancel my purchase": ["cancelar mi compra", "annuler mon achat", "meinen Kauf stornieren", "取消我的购买", "購入をキャンセルしたい"],
    "card got rejected at checkout": ["me rechazaron la tarjeta al pagar", "ma carte a été refusée au paiement", "meine Karte wurde an der Kasse abgelehnt", "结账时我的卡被拒了", "支払いでカードが拒否されました"],
}

# Written at the start of the eighth round (2026-12-05), before anything was run on it, from the
# retrieval.jsonl queries no set above uses (typos only where a shopper of that language would make them).
FRESH2 = {
    "caffeine": ["cafeína", "caféine", "Koffein", "咖啡因", "カフェイン"],
    "hold my phone for selfies": ["algo para sujetar el móvil al hacer selfies", "tenir mon téléphone pour faire des selfies", "etwas, das mein Handy für Selfies hält", "自拍时固定手机的东西", "自撮りのときにスマホを固定するもの"],
    "shoes for a wedding party": ["zapatos para una boda", "chaussures pour un mariage", "Schuhe für eine Hochzeitsfeier", "参加婚礼穿的鞋子", "結婚式に履いていく靴"],
    "wash my hands": ["lavarme las manos", "me laver les mains", "mir die Hände waschen", "洗手用的", "手を洗いたい"],
    "samsng galaxy": ["móvil samsng galaxy", "téléphone samsng galaxy", "Samsng Galaxy Handy", "三星 galxy", "サムスン galxy"],
    "rolx watch": ["reloj rolx", "montre rolx", "Rolx Uhr", "rolx 手表", "ロレクスの時計"],
    "smartphone under $200": ["móvil por menos de 200 dólares", "smartphone à moins de 200 $", "Smartphone unter 200 $", "200美元以下的智能手机", "200ドル以下のスマートフォン"],
    "perfume under 60 dollars": ["perfume por menos de 60 dólares", "parfum à moins de 60 dollars", "Parfüm unter 60 Dollar", "60美元以内的香水", "60ドル以下の香水"],
    "watch under $150 in stock": ["reloj de menos de 150 $ disponible", "montre à moins de 150 $ en stock", "Uhr unter 150 $ auf Lager", "150美元以下有现货的手表", "在庫のある150ドル以下の腕時計"],
    "laptop over $1500": ["portátil de más de 1500 dólares", "ordinateur portable à plus de 1500 $", "Laptop über 1500 $", "1500美元以上的笔记本电脑", "1500ドル以上のノートパソコン"],
    "kitchen appliance under $40": ["electrodoméstico de cocina por menos de 40 $", "appareil de cuisine à moins de 40 $", "Küchengerät unter 40 $", "40美元以下的厨房电器", "40ドル以下のキッチン家電"],
    "running shoes rated 4.5+": ["zapatillas para correr con valoración de 4,5 o más", "chaussures de course notées 4,5 ou plus", "Laufschuhe mit mindestens 4,5 Sternen", "评分4.5以上的跑鞋", "評価4.5以上のランニングシューズ"],
    "what size should I order": ["¿qué talla debería pedir?", "quelle taille dois-je commander ?", "welche Größe soll ich bestellen?", "我应该订哪个尺码？", "どのサイズを注文すればいいですか？"],
    "the box came crushed": ["la caja llegó aplastada", "le colis est arrivé écrasé", "der Karton kam zerdrückt an", "箱子送到时被压坏了", "箱がつぶれて届きました"],
    "when is the volleyball back in stock": ["¿cuándo vuelve a haber balones de voleibol?", "quand le ballon de volley sera-t-il de nouveau en stock ?", "wann ist der Volleyball wieder auf Lager?", "排球什么时候补货？", "バレーボールはいつ再入荷しますか？"],
}


def write(name, queries):
    with open(HERE / name, "w") as f:
        for english, translations in queries.items():
            f.write(json.dumps({"query": english, "lang": "en", "relevant": JUDGED[english]}, ensure_ascii=False) + "\n")
            for lang, q in zip(["es", "fr", "de", "zh", "ja"], translations):
                f.write(json.dumps({"query": q, "lang": lang, "relevant": JUDGED[english]}, ensure_ascii=False) + "\n")


write("retrieval-languages.jsonl", QUERIES)
write("retrieval-languages-heldout.jsonl", HELDOUT)
write("retrieval-languages-fresh.jsonl", FRESH)
write("retrieval-languages-fresh2.jsonl", FRESH2)
print(f"{len(QUERIES) * 6} tuning queries, {len(HELDOUT) * 6} held-out, {len(FRESH) * 6} fresh, {len(FRESH2) * 6} fresh2")
