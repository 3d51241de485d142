#!/usr/bin/env python3
"""Writes answers-acceptance-fresh2.jsonl: a second set shaped like issue 10's targets, written
after answers-acceptance-fresh.jsonl's first run and before any fix for what it found, in
wordings neither that set nor any other uses. Held out: do not tune on it.

    python3 tests/eval/make_acceptance2.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_acceptance import build  # noqa: E402

WORDINGS = {
    "price": ["What are you charging for the {t}?", "{t}: what's the price tag?"],
    "stock": ["Do you currently carry the {t} in your warehouse?", "Could I order a {t} right away, or is it gone?"],
    "warranty": ["What cover do I get if the {t} stops working?", "Does the {t} have any manufacturer guarantee?"],
    "shipping": ["How long before the {t} is on its way to me?", "What's the dispatch time for the {t}?"],
    "returns": ["What if I want to hand back the {t}?", "How many days do I get to return the {t}?"],
    "rating": ["How do shoppers rate the {t}?", "Are the reviews for the {t} good?"],
    "brand": ["Which company makes the {t}?", "Who is the maker of the {t}?"],
    "dimensions": ["Tell me the dimensions of the {t} please", "How large is the {t}?"],
    "weight": ["How many kilos is the {t}?", "Tell me how much the {t} weighs"],
    "minimum_order": ["What's the fewest {t} I can order?", "Do I need to order several {t} at once?"],
}

POLICY = [
    ("Is there somebody to chat with on a Saturday afternoon?", ["9 am", "5 pm", "saturday"], "contact-hours"),
    ("What do I gain from registering with you?", ["track orders", "save addresses", "gift card balance"], "create-account"),
    ("Can I get my account wiped while a return is still open?", ["completed", "open orders"], "delete-account"),
    ("I forgot to put my coupon in before paying. Can you still take it off?", ["cannot be applied", "can't be applied", "not be applied"], "discount-codes"),
    ("Can I trade my dress for a different colour?", ["exchange", "free of charge"], "exchanges"),
    ("Can I turn what's left on my gift card into cash?", ["cannot be exchanged for cash", "can't be exchanged", "not be exchanged"], "gift-cards"),
    ("Can the person I'm gifting to swap it for something else?", ["gift receipt"], "gift-wrapping"),
    ("My yoghurt arrived past its date, what now?", ["48 hours", "refund"], "groceries-delivery"),
    ("How do I pack up something I'm sending back?", ["original packaging"], "how-to-return"),
    ("What's the lowest basket total for paying monthly?", ["$200"], "installments"),
    ("How long does an order to Germany take to reach me?", ["7-14", "7 to 14"], "international-shipping shipping-times"),
    ("The carrier claims it was dropped off but I have nothing. How long until a replacement?", ["7 business days", "neighbours", "business day"], "lost-parcel"),
    ("How many points do I earn for each dollar?", ["1 point"], "loyalty-program"),
    ("Part of my order was missing from the box. How long do I have to tell you?", ["14 days"], "missing-or-damaged"),
    ("Once I cancel, when is my money back?", ["3-5 business days", "3 to 5"], "order-changes"),
    ("When do I get the tracking number?", ["leaves our warehouse", "email"], "order-tracking"),
    ("Can I pay by bank transfer for a $300 order?", ["$500"], "payment-methods"),
    ("Do you ever ask for my card details by email?", ["never"], "payment-security"),
    ("Are taxes already in the price I see?", ["include", "vat", "sales tax"], "price-match"),
    ("Do you sell my details to other companies?", ["never sell", "not sell", "don't sell"], "privacy-policy"),
    ("After my return reaches you, how soon is the refund sent?", ["5 business days"], "refunds"),
    ("If the wrong item was sent, who pays to send it back?", ["free", "we pay"], "return-shipping-cost"),
    ("Can I send back an opened bottle of body lotion?", ["cannot", "can't", "not be returned"], "returns-policy"),
    ("What does express delivery cost?", ["$14.99"], "shipping-costs"),
    ("What size shoe should I order if I usually buy men's and want the women's model?", ["1.5"], "sizing-guide"),
    ("Will you tell me when a sold-out item is back?", ["notify me"], "stock-availability"),
    ("What percentage off do students get?", ["10%"], "student-discount"),
    ("Can I take a car for a test drive before buying?", ["test drive", "partner dealer"], "vehicles-purchase"),
    ("For a warranty repair, do I pay the postage?", ["we pay", "both directions"], "warranty-claims"),
    ("Does the warranty count from the day I ordered or when it arrived?", ["delivery date"], "warranty-policy"),
]

SUPERLATIVES = [
    ("Which laptop has the worst reviews?", "laptops", "worst"),
    ("What's the top-rated women's watch?", "womens-watches", "best"),
    ("Cheapest tablet you've got?", "tablets", "cheapest"),
    ("Which men's shoes cost the most?", "mens-shoes", "dearest"),
    ("what is your least expensive car", "vehicle", "cheapest"),
    ("Which skin care product is rated best?", "skin-care", "best"),
    ("the most expensive women's bag", "womens-bags", "dearest"),
    ("Which earrings are the cheapest?", "womens-jewellery", "cheapest"),
    ("Which of your motorcycles has the highest rating?", "motorcycle", "best"),
    ("What's your dearest men's watch?", "mens-watches", "dearest"),
]

FILTERS = [
    ("laptops between $1,300 and $1,600", "laptops", 1300, 1600),
    ("Any sunglasses for less than 25 dollars?", "sunglasses", None, 25),
    ("I want a phone that costs no more than $250", "smartphones", None, 250),
    ("perfumes under $60", "fragrances", None, 60),
    ("show me women's bags above $100", "womens-bags", 100, None),
    ("watches for women from $100 to $1,000", "womens-watches", 100, 1000),
    ("Which motorcycles are under $5,000?", "motorcycle", None, 5000),
    ("tops for under $25", "tops", None, 25),
]

COMPARISONS = [
    ("Kawasaki Z800 or Sportbike Motorcycle, which is cheaper?", "Kawasaki Z800", "Sportbike Motorcycle"),
    ("How much more is the Rolex Datejust than the Longines Master Collection?", "Rolex Datejust", "Longines Master Collection"),
    ("Compare the prices of the Red Lipstick and the Red Nail Polish", "Red Lipstick", "Red Nail Polish"),
    ("Is the Table Lamp or the Plant Pot more expensive?", "Table Lamp", "Plant Pot"),
]

FOLLOW_FIRSTS = ["Do you stock the {t}?", "I'm interested in the {t}"]
FOLLOW_SECONDS = [("and the price?", "price"), ("how soon would it ship?", "shipping"), ("can I return it?", "returns"),
                  ("what's its rating?", "rating"), ("does it have a warranty?", "warranty"), ("do you have it in stock?", "stock"),
                  ("who makes it?", "brand"), ("how much does it weigh?", "weight")]

PREMISE_LINES = ["Last month the {t} was ${x}, I'll pay that.", "The {t} costs ${x} according to your ad, yes?"]
INVENTED = [
    ("A friend says you give free gift wrapping on every order, is that true?", ["$3.99"], ["yes, gift wrapping is free"]),
    ("I heard you take cash on delivery, right?", ["do not accept", "don't accept", "not accept"], ["yes, we accept cash"]),
    ("Your support told me gift cards can be swapped for cash.", ["cannot", "can't", "not"], ["yes, gift cards can be"]),
    ("What does the Sony WH-1000XM5 cost?", ["don't", "not", "no "], ["wh-1000xm5 costs", "wh-1000xm5 is $"]),
]

ESCALATION = [
    ("I'd like to be put through to a member of staff", True),
    ("Stop. I want a real person to look at this.", True),
    ("Can I get a live agent?", True),
    ("connect me with support staff please", True),
    ("Is there a human I can talk to?", True),
    ("Please escalate this to your team", True),
    ("get me someone who can actually help!!", True),
    ("I demand to speak with a manager.", True),
    ("Which watch is best for a person with small wrists?", False),
    ("Is the sofa big enough for four people?", False),
    ("Does your staff pick the fruit by hand?", False),
    ("Hello, good afternoon!", False),
    ("Many thanks!", False),
    ("ok great, bye", False),
    ("What gift would suit someone who likes cooking?", False),
    ("Do real people write the product descriptions?", False),
]


if __name__ == "__main__":
    build(sys.modules[__name__], "acceptance-fresh2", "acc2", 37, "price", 8)
