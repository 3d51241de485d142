#!/usr/bin/env python3
"""Writes answers-acceptance-fresh4.jsonl: attribute questions in three more wordings each (60),
superlatives, follow-ups, wrong prices and requests for a person, written after
answers-acceptance-fresh3.jsonl's first run and before the attribute reader by examples was
built, in wordings no other set uses. Held out: do not tune on it.

    python3 tests/eval/make_acceptance4.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_acceptance import build  # noqa: E402

WORDINGS = {
    "price": ["What's the damage for the {t}?", "What do I have to spend to get the {t}?",
              "Give me the cost of the {t}"],
    "stock": ["Any {t} on hand?", "Is the {t} something you have right now?", "Do you have the {t} ready to ship?"],
    "warranty": ["How many years of cover does the {t} get?", "Is the {t} protected against defects, and for how long?",
                 "What's the guarantee period on the {t}?"],
    "shipping": ["How long do you need to send the {t}?", "When is the {t} dispatched after I pay?",
                 "How quickly is the {t} posted?"],
    "returns": ["Could I still return the {t} after a few weeks?", "What's your return period for the {t}?",
                "If the {t} is not what I expected, what can I do?"],
    "rating": ["What do buyers say about the {t}?", "How is the {t} rated?", "Is the {t} popular with customers?"],
    "brand": ["Who's behind the {t}?", "Which manufacturer is the {t} by?", "What brand makes the {t}?"],
    "dimensions": ["How tall and wide is the {t}?", "What are the exact measurements of the {t}?",
                   "Will the {t} fit on a small shelf? How big is it?"],
    "weight": ["What's the {t}'s weight in kg?", "How much does the {t} weigh when packed?", "Is the {t} heavy?"],
    "minimum_order": ["Is there a minimum amount of {t} I have to order?", "Can I order just one {t}?",
                      "What's the minimum purchase for the {t}?"],
}

SUPERLATIVES = [
    ("Which smartphone has the poorest rating?", "smartphones", "worst"),
    ("What's your most highly rated men's watch?", "mens-watches", "best"),
    ("What's the cheapest thing in skin care?", "skin-care", "cheapest"),
    ("which tablet is the most expensive one", "tablets", "dearest"),
    ("What is the lowest priced car you sell?", "vehicle", "cheapest"),
    ("Top rated sunglasses?", "sunglasses", "best"),
]
FILTERS = []
COMPARISONS = []
FOLLOW_FIRSTS = ["What's the {t} like?", "I saw the {t} on your site"]
FOLLOW_SECONDS = [("what's it cost?", "price"), ("how long to ship?", "shipping"), ("is it returnable?", "returns"),
                  ("still available?", "stock"), ("warranty?", "warranty"), ("good reviews?", "rating")]
PREMISE_LINES = ["The {t} was ${x} when I looked this morning, right?", "Your app says the {t} is ${x}."]
INVENTED = []
POLICY = []
ESCALATION = [
    ("I want to speak with an actual human", True),
    ("Can a member of your team take over?", True),
    ("escalate to a human please", True),
    ("I'd like to talk to your customer support people", True),
    ("Get a supervisor on this chat", True),
    ("Can I speak to someone in charge?", True),
    ("Do you have a product for people with sensitive skin?", False),
    ("What would a person need to set up the Echo?", False),
    ("good morning team", False),
    ("thanks a bunch", False),
]

if __name__ == "__main__":
    build(sys.modules[__name__], "acceptance-fresh4", "acc4", 39, "price", 6, attributes=60)
