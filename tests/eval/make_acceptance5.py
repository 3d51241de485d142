#!/usr/bin/env python3
"""Writes answers-acceptance-fresh5.jsonl: attribute questions in three more wordings each (60:
everyday, casual and roundabout ones), superlatives, filters, comparisons, follow-ups, wrong
prices and requests for a person, written at the start of a session, after
answers-acceptance-fresh4.jsonl's runs and before any code of that session, in wordings no other
set uses. Held out: do not tune on it.

    python3 tests/eval/make_acceptance5.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_acceptance import build  # noqa: E402

WORDINGS = {
    "price": ["what r u asking for the {t}", "I'm on a budget - how much is the {t} going to cost?",
              "Price check on the {t} please"],
    "stock": ["Is the {t} currently obtainable?", "Have you run out of the {t}?",
              "If I order the {t} today, do you actually have one to send?"],
    "warranty": ["Does the {t} come with any cover against breakdowns?", "how long's the {t} guaranteed for",
                 "What after-sales cover is there on the {t}?"],
    "shipping": ["How long before you ship the {t} out?", "Roughly when would the {t} get sent?",
                 "What's the dispatch time for the {t}?"],
    "returns": ["Suppose the {t} doesn't suit me, can I get my money back?", "Do you accept returns of the {t}?",
                "How long do I have to change my mind about the {t}?"],
    "rating": ["Are reviews of the {t} any good?", "How many stars has the {t} got?",
               "What's the customer rating of the {t}?"],
    "brand": ["Who makes the {t}?", "Is the {t} a known brand? Which one?", "What company is the {t} from?"],
    "dimensions": ["What size is the {t}?", "Can you give me the {t}'s width, height and depth?",
                   "How large is the {t}?"],
    "weight": ["How heavy is the {t}?", "Roughly what does the {t} weigh?", "Weight of the {t}?"],
    "minimum_order": ["Do I need to buy more than one {t}?", "What's the smallest quantity of the {t} you sell?",
                      "Is there a minimum I must order of the {t}?"],
}

SUPERLATIVES = [
    ("What is the least expensive fragrance?", "fragrances", "cheapest"),
    ("Which laptop has the highest rating?", "laptops", "best"),
    ("your most expensive sunglasses?", "sunglasses", "dearest"),
    ("Which men's shirt do people rate lowest?", "mens-shirts", "worst"),
    ("What's the cheapest smartphone you have?", "smartphones", "cheapest"),
    ("Best reviewed skin care product?", "skin-care", "best"),
]
FILTERS = [
    ("laptops under 1000 dollars?", "laptops", None, 1000),
    ("Do you have any fragrances for less than $60?", "fragrances", None, 60),
]
COMPARISONS = [
    ("Which costs more, the iPhone 5s or the iPhone 6?", "iPhone 5s", "iPhone 6"),
    ("Compare the prices of the Realme C35 and the Realme XT", "Realme C35", "Realme XT"),
]
FOLLOW_FIRSTS = ["Do you sell the {t}?", "I'm looking at the {t}"]
FOLLOW_SECONDS = [("price?", "price"), ("when can you send it?", "shipping"), ("can I return it?", "returns"),
                  ("do you have it in stock?", "stock"), ("how long is the warranty?", "warranty"),
                  ("what do people think of it?", "rating")]
PREMISE_LINES = ["The {t} is ${x}, isn't it?", "My friend bought the {t} here for ${x} yesterday, same price for me?"]
INVENTED = []
POLICY = []
ESCALATION = [
    ("Can I talk to a real agent please?", True),
    ("i need to speak with someone from support", True),
    ("Put a human on the line", True),
    ("Let me talk to your manager", True),
    ("Is anyone from the team available to chat?", True),
    ("connect me with an employee", True),
    ("Which perfume would a person who hates strong smells like?", False),
    ("What's the best gift for someone who cooks?", False),
    ("Hello there!", False),
    ("Many thanks!", False),
    ("Is support open on Sundays?", False),
    ("ok great, bye", False),
]

if __name__ == "__main__":
    build(sys.modules[__name__], "acceptance-fresh5", "acc5", 40, "rating", 6, attributes=60)
