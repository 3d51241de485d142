#!/usr/bin/env python3
"""Writes answers-acceptance-fresh10.jsonl: 100 attribute questions in four more wordings each,
superlatives, filters, comparisons, follow-ups, wrong prices and requests for a person, written
at the start of a session (2026-12-05, the ninth round) before any code ran on it, in wordings no
other set uses: the held-out measure of the code as the eighth round left it. Do not tune on it.

    python3 tests/eval/make_acceptance10.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_acceptance import build  # noqa: E402

WORDINGS = {
    "price": ["How much is a {t} at your store?", "What's the current price of the {t}?",
              "If I buy the {t}, how much will I be paying?", "cost of {t}?"],
    "stock": ["Are there still some {t} available?", "Can I buy the {t} now or is it out of stock?",
              "How many {t} do you have left?", "{t} - still available?"],
    "warranty": ["Does the {t} carry a warranty?", "What's the warranty period for the {t}?",
                 "How long am I protected if the {t} breaks?", "{t} warranty?"],
    "shipping": ["How soon can you ship the {t}?", "When can I expect the {t} to be dispatched?",
                 "What's the lead time on shipping the {t}?", "how fast do you send out the {t}"],
    "returns": ["Can I send the {t} back if I don't want it?", "What is the returns policy for the {t}?",
                "How long is the return period on the {t}?", "If I'm unhappy with the {t}, may I return it?"],
    "rating": ["What rating has the {t} received?", "How many stars does the {t} have?",
               "Is the {t} highly rated?", "What are the {t}'s reviews like?"],
    "brand": ["Which brand is the {t} made by?", "Who is the {t} made by?",
              "Is the {t} from a particular brand?", "brand of the {t}?"],
    "dimensions": ["What are the {t}'s width, height and depth?", "How big is the {t}?",
                   "Can you tell me how big the {t} is in cm?", "{t} dimensions?"],
    "weight": ["What is the weight of one {t}?", "How light is the {t}?",
               "Could you tell me the {t}'s weight?", "how much does a {t} weigh"],
    "minimum_order": ["What's the smallest number of {t} I can order?", "Do you have a minimum order for the {t}?",
                      "Must I order more than one {t}?", "What's the lowest quantity of the {t} I can purchase?"],
}

SUPERLATIVES = [
    ("Which smartphone costs the least?", "smartphones", "cheapest"),
    ("What's the most expensive laptop you sell?", "laptops", "dearest"),
    ("Highest rated fragrance?", "fragrances", "best"),
    ("Which tablet has the worst reviews?", "tablets", "worst"),
    ("What's the cheapest piece of furniture?", "furniture", "cheapest"),
    ("Which sunglasses are rated best?", "sunglasses", "best"),
]
FILTERS = [
    ("Do you have any smartphones under $300?", "smartphones", None, 300),
    ("Show me furniture under 500 dollars", "furniture", None, 500),
    ("laptops over $1500?", "laptops", 1500, None),
]
COMPARISONS = [
    ("Is the iPhone X more expensive than the Samsung Galaxy S10?", "iPhone X", "Samsung Galaxy S10"),
    ("Which costs less, the Realme C35 or the Oppo K1?", "Realme C35", "Oppo K1"),
]
FOLLOW_FIRSTS = ["What can you tell me about the {t}?", "I'm interested in the {t}"]
FOLLOW_SECONDS = [("how much does it cost?", "price"), ("when will it ship?", "shipping"),
                  ("is it returnable?", "returns"), ("do you have it in stock?", "stock"),
                  ("is there a warranty?", "warranty"), ("what's its rating?", "rating"),
                  ("what does it weigh?", "weight"), ("who makes it?", "brand")]
PREMISE_LINES = ["Your site listed the {t} at ${x} last week, will you honour that?",
                 "I was told the {t} is ${x}, right?"]
INVENTED = []
POLICY = []
ESCALATION = [
    ("Could I chat with a live agent?", True),
    ("Put me in touch with a staff member please", True),
    ("I want to speak to a manager", True),
    ("Is there a human I can talk to?", True),
    ("Get me a real customer service rep", True),
    ("Can somebody from your team phone me?", True),
    ("Which perfume would suit a person who likes citrus?", False),
    ("hi!!", False),
    ("thanks a bunch", False),
    ("Is the Milk suitable for people who are lactose intolerant?", False),
    ("Do your staff pick the products by hand?", False),
    ("What do you recommend for someone who runs a lot?", False),
]

if __name__ == "__main__":
    build(sys.modules[__name__], "acceptance-fresh10", "acc10", 1010, "rating", 8, attributes=100)
