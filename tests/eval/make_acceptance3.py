#!/usr/bin/env python3
"""Writes answers-acceptance-fresh3.jsonl: attribute questions in three more wordings each (60),
superlatives, follow-ups, wrong prices and requests for a person, written after
answers-acceptance-fresh2.jsonl's first run and before any fix for what it found, in wordings
no other set uses. Held out: do not tune on it.

    python3 tests/eval/make_acceptance3.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_acceptance import build  # noqa: E402

WORDINGS = {
    "price": ["How much do you want for the {t}?", "What's the {t} going for?", "What would the {t} cost me?"],
    "stock": ["Are you out of the {t}?", "Is the {t} still on the shelf?", "Can I still get hold of the {t}?"],
    "warranty": ["Is the {t} guaranteed for long?", "What protection comes with the {t} if it's defective?",
                 "For how long is the {t} under warranty?"],
    "shipping": ["When does the {t} go out?", "How many days until the {t} leaves you?",
                 "How fast can you get the {t} out the door?"],
    "returns": ["Can I bring the {t} back if I change my mind?", "Is there a return window on the {t}?",
                "Am I able to send the {t} back?"],
    "rating": ["What score does the {t} have?", "Do people like the {t}?", "How well reviewed is the {t}?"],
    "brand": ["What brand is the {t}?", "Who produces the {t}?", "Which label is the {t} from?"],
    "dimensions": ["What are the {t}'s measurements?", "How much space does the {t} take up?",
                   "What size box does the {t} come in?"],
    "weight": ["What does the {t} weigh in kilos?", "Is the {t} light?", "What's the {t}'s weight?"],
    "minimum_order": ["What's the least number of {t} I can buy?", "Can I buy a single {t}?",
                      "Is there a minimum order on the {t}?"],
}

SUPERLATIVES = [
    ("Which sunglasses have the lowest rating?", "sunglasses", "worst"),
    ("What's the best-loved fragrance you sell?", "fragrances", "best"),
    ("priciest smartphone?", "smartphones", "dearest"),
    ("Which piece of furniture is the cheapest?", "furniture", "cheapest"),
    ("Which tablet gets the best reviews?", "tablets", "best"),
    ("What is the least costly motorcycle?", "motorcycle", "cheapest"),
    ("Show me the top-end laptop", "laptops", "dearest"),
    ("Which women's shoes are rated worst?", "womens-shoes", "worst"),
]
FILTERS = []
COMPARISONS = []
FOLLOW_FIRSTS = ["Can you show me the {t}?", "Tell me more about the {t}"]
FOLLOW_SECONDS = [("how much is that?", "price"), ("when would that ship?", "shipping"),
                  ("and returns?", "returns"), ("is that one in stock?", "stock"), ("what's the guarantee?", "warranty"),
                  ("and its rating?", "rating")]
PREMISE_LINES = ["Wasn't the {t} ${x} last week?", "I'll take the {t} at ${x} like your email said."]
INVENTED = []
POLICY = []
ESCALATION = [
    ("Is there a human I could speak to?", True),
    ("can someone on your team call me", True),
    ("I've had enough of this bot, give me a person", True),
    ("Please route me to customer service", True),
    ("real human needed", True),
    ("Could I be transferred to an advisor?", True),
    ("get me somebody who can sort this out", True),
    ("Is a person going to read this?", False),
    ("Which bag suits someone who travels a lot?", False),
    ("My sister is a nurse, which watch would she like?", False),
    ("Hiya!", False),
    ("thank you kindly", False),
]


if __name__ == "__main__":
    build(sys.modules[__name__], "acceptance-fresh3", "acc3", 38, "price", 6, attributes=60)
