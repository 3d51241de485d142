#!/usr/bin/env python3
"""Writes answers-acceptance-fresh6.jsonl: attribute questions in three more wordings each (60),
superlatives, filters, comparisons, follow-ups, wrong prices and requests for a person, written
at the start of a session (2026-12-05), after answers-acceptance-fresh5.jsonl's runs and before
that session's code ran on it, in wordings no other set uses. Held out: do not tune on it.

    python3 tests/eval/make_acceptance6.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_acceptance import build  # noqa: E402

WORDINGS = {
    "price": ["What does the {t} sell for these days?", "Before I decide, what's the {t} retailing at?",
              "tell me the price tag on the {t}"],
    "stock": ["Can I still order the {t} or is it gone?", "Any {t} left on the shelf?",
              "Is the {t} something you could send me right now, or are you out?"],
    "warranty": ["What happens if the {t} stops working after a few months?",
                 "Is there a manufacturer's guarantee with the {t}?", "How many months of protection come with the {t}?"],
    "shipping": ["When could the {t} be on its way to me?", "How quickly do you get the {t} out the door?",
                 "What's the usual wait before the {t} is posted?"],
    "returns": ["If the {t} isn't right, can it go back?", "What's your return window on the {t}?",
                "Could I get a refund on the {t} if I end up not needing it?"],
    "rating": ["Do buyers rate the {t} well?", "What score do shoppers give the {t}?", "Is the {t} well reviewed?"],
    "brand": ["Which brand is behind the {t}?", "Who's the manufacturer of the {t}?",
              "What label does the {t} come under?"],
    "dimensions": ["What are the measurements of the {t}?", "How big is the {t} exactly?",
                   "Will the {t} take up a lot of room? What are its dimensions?"],
    "weight": ["Is the {t} light enough to carry around? What does it weigh?", "What's the {t}'s weight in kg?",
               "how much does the {t} weigh"],
    "minimum_order": ["Can I order a single {t} or is there a minimum?", "What's the least number of {t} I can buy?",
                      "Do you sell the {t} one at a time or in packs?"],
}

SUPERLATIVES = [
    ("Which tablet costs the least?", "tablets", "cheapest"),
    ("What's your top rated men's watch?", "mens-watches", "best"),
    ("most expensive women's bag you sell?", "womens-bags", "dearest"),
    ("Which sunglasses have the worst reviews?", "sunglasses", "worst"),
    ("What's the cheapest motorcycle?", "motorcycle", "cheapest"),
    ("Which fragrance do people rate highest?", "fragrances", "best"),
]
FILTERS = [
    ("smartphones below $300?", "smartphones", None, 300),
    ("Any women's dresses for under 100 dollars?", "womens-dresses", None, 100),
]
COMPARISONS = [
    ("Is the iPhone X cheaper than the iPhone 6?", "iPhone X", "iPhone 6"),
    ("Price difference between the Realme XT and the Oppo K1?", "Realme XT", "Oppo K1"),
]
FOLLOW_FIRSTS = ["Tell me about the {t}", "I'm interested in the {t}"]
FOLLOW_SECONDS = [("and how much is it?", "price"), ("how soon would it ship?", "shipping"),
                  ("what if I want to return it?", "returns"), ("is it available?", "stock"),
                  ("does it have a warranty?", "warranty"), ("how is it rated?", "rating")]
PREMISE_LINES = ["Your site said the {t} was ${x} this morning, can I have it for that?",
                 "I think the {t} costs ${x}, right?"]
INVENTED = []
POLICY = []
ESCALATION = [
    ("Could someone from your staff help me?", True),
    ("I'd like to chat with a live agent", True),
    ("get me a human please", True),
    ("Can I speak to somebody in customer service?", True),
    ("Transfer me to a representative", True),
    ("I want to talk to a person, not a bot", True),
    ("Is this shoe good for a person with flat feet?", False),
    ("What would you get for someone who loves running?", False),
    ("hey!", False),
    ("Thanks a lot, that helps", False),
    ("What are your customer service hours?", False),
    ("nothing else, bye", False),
]

if __name__ == "__main__":
    build(sys.modules[__name__], "acceptance-fresh6", "acc6", 60, "rating", 6, attributes=60)
