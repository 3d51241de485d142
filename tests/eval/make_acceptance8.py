#!/usr/bin/env python3
"""Writes answers-acceptance-fresh8.jsonl: 100 attribute questions in four more wordings each,
superlatives, filters, comparisons, follow-ups, wrong prices and requests for a person, written
at the start of a session (2026-12-05, the eighth round), after answers-acceptance-fresh7.jsonl's
runs and before that session's code ran on it, in wordings no other set uses. Held out: do not
tune on it.

    python3 tests/eval/make_acceptance8.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_acceptance import build  # noqa: E402

WORDINGS = {
    "price": ["What's the damage for the {t}?", "Could you quote me a price on the {t}?",
              "how much do you charge for the {t}", "I'd like to know the cost of one {t}."],
    "stock": ["Can I still get hold of the {t}?", "Is the {t} in stock or do I have to wait?",
              "any {t} on the shelf?", "Are there enough {t} left for me to order one?"],
    "warranty": ["What protection comes with the {t} if it stops working?", "Is the {t} covered by a guarantee, and for how long?",
                 "How many years or months of warranty does the {t} get?", "warranty length on the {t}?"],
    "shipping": ["How soon after ordering would the {t} be on its way?", "What's the dispatch time for the {t}?",
                 "If I order the {t} now, when will you post it?", "how long till the {t} ships"],
    "returns": ["Suppose I don't like the {t} - can I hand it back?", "Is there a refund window for the {t}?",
                "What's the return policy on the {t}?", "Can the {t} be sent back after I've opened it?"],
    "rating": ["How well does the {t} score with buyers?", "What's the average review of the {t}?",
               "Do customers like the {t}?", "{t} rating out of 5?"],
    "brand": ["Who makes the {t}, which brand?", "What company is the {t} from?",
              "which brand is the {t}", "Tell me the manufacturer of the {t}."],
    "dimensions": ["What are the {t}'s dimensions?", "How big is the {t} - width, height, depth?",
                   "Will the {t} fit in a small space? What are its measurements?", "size of the {t} in cm?"],
    "weight": ["How much does the {t} weigh?", "Is the {t} light enough to carry around? What's its weight?",
               "weight of the {t}?", "What does the {t} weigh in total?"],
    "minimum_order": ["What's the fewest {t} I can order?", "Can I order just one {t}, or is there a minimum?",
                      "minimum order for the {t}?", "How many {t} must I buy per order?"],
}

SUPERLATIVES = [
    ("What's the most expensive laptop in your shop?", "laptops", "dearest"),
    ("Cheapest tablet you sell?", "tablets", "cheapest"),
    ("Which fragrance do shoppers rate best?", "fragrances", "best"),
    ("Which motorcycle costs the least?", "motorcycle", "cheapest"),
    ("which sunglasses have the top rating", "sunglasses", "best"),
    ("What's the dearest men's watch?", "mens-watches", "dearest"),
]
FILTERS = [
    ("Do you have any smartphones for less than $250?", "smartphones", None, 250),
    ("Show me women's watches above $200", "womens-watches", 200, None),
    ("furniture between 100 and 500 dollars?", "furniture", 100, 500),
]
COMPARISONS = [
    ("Is the Samsung Galaxy S10 or the iPhone X more expensive?", "Samsung Galaxy S10", "iPhone X"),
    ("Price difference between the Realme XT and the Vivo X21?", "Realme XT", "Vivo X21"),
]
FOLLOW_FIRSTS = ["What can you tell me about the {t}?", "I'm interested in the {t}"]
FOLLOW_SECONDS = [("how much is it?", "price"), ("when could you ship it?", "shipping"),
                  ("and returns?", "returns"), ("is it in stock?", "stock"),
                  ("how long is the warranty?", "warranty"), ("is it well rated?", "rating"),
                  ("and what does it weigh?", "weight"), ("who makes it?", "brand")]
PREMISE_LINES = ["Your ad said the {t} costs ${x}. I'll take it at that price.",
                 "Last month I paid ${x} for the {t}, it's still that, right?"]
INVENTED = []
POLICY = []
ESCALATION = [
    ("I'd like to talk to a human agent please", True),
    ("Can I speak with somebody who works there?", True),
    ("transfer me to support staff", True),
    ("Put a person on the line.", True),
    ("I want a real agent, not an automated reply", True),
    ("human please!", True),
    ("Is this blender good for a person living alone?", False),
    ("hi there!", False),
    ("thanks a lot, bye", False),
    ("What do people think of the Apple AirPods?", False),
    ("Which perfume would suit someone who likes fresh scents?", False),
    ("Do your agents ship to Canada?", False),
]

if __name__ == "__main__":
    build(sys.modules[__name__], "acceptance-fresh8", "acc8", 88, "rating", 8, attributes=100)
