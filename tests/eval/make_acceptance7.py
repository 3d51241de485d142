#!/usr/bin/env python3
"""Writes answers-acceptance-fresh7.jsonl: attribute questions in three more wordings each (60),
superlatives, filters, comparisons, follow-ups, wrong prices and requests for a person, written
at the start of a session (2026-12-05, the seventh round), after answers-acceptance-fresh6.jsonl's
runs and before that session's code ran on it, in wordings no other set uses. Held out: do not
tune on it.

    python3 tests/eval/make_acceptance7.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_acceptance import build  # noqa: E402

WORDINGS = {
    "price": ["Roughly what would I pay for the {t}?", "I'm on a budget - how pricey is the {t}?",
              "the {t}, what's it going for?"],
    "stock": ["Do you currently carry the {t} in your warehouse?", "How many units of the {t} are there?",
              "Is the {t} sold out at the moment?"],
    "warranty": ["For how long is the {t} guaranteed?", "Does the {t} have any cover if it breaks?",
                 "what sort of warranty is on the {t}"],
    "shipping": ["If I buy the {t} today, when does it leave your warehouse?", "How fast is dispatch on the {t}?",
                 "Roughly how long before you ship the {t}?"],
    "returns": ["Am I able to return the {t} if I change my mind?", "The {t} - what are the terms for sending it back?",
                "how long do I have to return the {t}"],
    "rating": ["What do reviewers think of the {t}?", "How many stars has the {t} got?",
               "Is the {t} popular with customers? What's its rating?"],
    "brand": ["Whose product is the {t}?", "The {t} is made by which company?", "what make is the {t}"],
    "dimensions": ["What size is the {t} in centimetres?", "Could you give me the {t}'s width, height and depth?",
                   "How large is the {t}?"],
    "weight": ["How heavy is the {t}?", "Can you tell me the {t}'s weight?", "what's the shipping weight of the {t}"],
    "minimum_order": ["Is there a minimum quantity for the {t}?", "Do I have to buy several {t} at once?",
                      "what's the smallest order of {t} you accept"],
}

SUPERLATIVES = [
    ("Which smartphone is the priciest?", "smartphones", "dearest"),
    ("Lowest-priced laptop you have?", "laptops", "cheapest"),
    ("Which skincare product has the best reviews?", "skin-care", "best"),
    ("Which kitchen accessory is the cheapest?", "kitchen-accessories", "cheapest"),
    ("Which women's shoes have the highest rating?", "womens-shoes", "best"),
    ("What is the most costly piece of furniture?", "furniture", "dearest"),
]
FILTERS = [
    ("Show me laptops that cost less than $1500", "laptops", None, 1500),
    ("any mens shirts under 30 bucks?", "mens-shirts", None, 30),
]
COMPARISONS = [
    ("Which costs more, the Oppo F19 Pro Plus or the Realme C35?", "Oppo F19 Pro Plus", "Realme C35"),
    ("How do the iPhone 5s and the iPhone 13 Pro compare on price?", "iPhone 5s", "iPhone 13 Pro"),
]
FOLLOW_FIRSTS = ["Can you tell me about the {t}?", "I'm looking at the {t}"]
FOLLOW_SECONDS = [("what's its price?", "price"), ("and when would it be dispatched?", "shipping"),
                  ("could I send it back?", "returns"), ("do you have it in stock?", "stock"),
                  ("what's the guarantee on it?", "warranty"), ("what do people rate it?", "rating")]
PREMISE_LINES = ["A friend bought the {t} here for ${x} last week, so that's the price, yes?",
                 "The {t} is ${x}, isn't it?"]
INVENTED = []
POLICY = []
ESCALATION = [
    ("Please put me through to a real person", True),
    ("Is there an actual human I can talk to?", True),
    ("I need to speak with someone from support right now", True),
    ("connect me with an employee", True),
    ("can a member of your team call me back?", True),
    ("operator please", True),
    ("Is this jacket right for a person who is always cold?", False),
    ("Good morning!", False),
    ("cheers, that's all I needed", False),
    ("Which gift is good for somebody who likes cooking?", False),
    ("Do people usually buy a case with this phone?", False),
    ("Who makes the Apple AirPods?", False),
]

if __name__ == "__main__":
    build(sys.modules[__name__], "acceptance-fresh7", "acc7", 70, "rating", 6, attributes=60)
