#!/usr/bin/env python3
"""Writes answers-policy-fresh28.jsonl: 46 policy questions, one or two per article, worded away
from the articles and their listed questions, with the words a right answer must hold (`any`),
a yes where the article says no (`forbid`) and the article to cite. Written during a session
(2026-12-05, ninth round) before any code ran on it, as the held-out policy measure of the
round's code (issue 10's policy target). Do not tune on it.

    python3 tests/eval/make_policy28.py
"""
import json
from pathlib import Path

HERE = Path(__file__).parent
NO = ["Yes,", "Yes."]

QUESTIONS = [
    ("If I spend forty dollars, do I pay for delivery?", ["4.99"], [], "shipping-costs"),
    ("What does the faster delivery option cost?", ["14.99"], [], "shipping-costs"),
    ("My basket comes to $75, is postage on you?", ["free"], [], "shipping-costs"),
    ("Can someone in Canada order from you?", ["North America"], [], "international-shipping"),
    ("Who covers import charges when you send to another country?", ["recipient"], [], "international-shipping"),
    ("Could you post a bottle of cologne to Australia?", ["cannot ship", "perfumes"], NO, "international-shipping"),
    ("Do you take Amex?", ["American Express"], [], "payment-methods"),
    ("Can I pay with cash when the courier arrives?", ["do not accept cash", "cash on delivery"], NO, "payment-methods"),
    ("I want to pay by wire for an $800 order, is that possible?", ["bank transfer"], [], "payment-methods"),
    ("Can I split a $300 purchase into monthly payments?", ["instalments", "installments"], [], "installments"),
    ("Is paying in three parts interest free?", ["interest-free", "interest free"], [], "installments"),
    ("What's the longest a gift voucher stays valid?", ["3 years"], [], "gift-cards"),
    ("Can I turn my gift voucher into money?", ["cannot be exchanged for cash"], NO, "gift-cards"),
    ("How much extra to have my present wrapped?", ["3.99"], [], "gift-wrapping"),
    ("Will the receiver see what I paid on a gift order?", ["left off", "packing slip"], [], "gift-wrapping"),
    ("My refund was approved, how many days before I see the money?", ["3-10", "5 business days"], [], "refunds"),
    ("If I just changed my mind, who pays to ship the item back?", ["5.95"], [], "return-shipping-cost"),
    ("Does a broken item cost me anything to send back?", ["free", "we pay"], [], "return-shipping-cost"),
    ("Once I have the label, how long do I have to hand the parcel to the carrier?", ["14 days"], [], "how-to-return"),
    ("I ordered an hour ago, can I still change the address?", ["dispatched"], [], "order-changes"),
    ("The tracking for my package hasn't moved in a week, what now?", ["investigation"], [], "order-tracking"),
    ("The courier says delivered but there's nothing at my door", ["neighbours", "one more business day"], [], "lost-parcel"),
    ("My vase came smashed, how long do I have to report it?", ["14 days"], [], "missing-or-damaged"),
    ("How many points do I earn for each dollar?", ["1 point"], [], "loyalty-program"),
    ("When do my reward points run out?", ["24 months"], [], "loyalty-program"),
    ("Are there price reductions for people at university?", ["10%"], [], "student-discount"),
    ("Do veterans get money off?", ["military"], NO, "student-discount"),
    ("Can I stack two promo codes?", ["only one code", "cannot be combined"], NO, "discount-codes"),
    ("I forgot to type my voucher code, can you apply it to my order now?", ["cannot be applied after"], NO, "discount-codes"),
    ("If the price falls a few days after I buy, do I get the difference back?", ["7 days", "refund the difference"], [], "price-match"),
    ("Will you beat a competitor's price?", ["do not match"], NO, "price-match"),
    ("How long do you keep my chat messages?", ["12 months"], [], "privacy-policy"),
    ("Do you sell my information to advertisers?", ["never sell"], NO, "privacy-policy"),
    ("How long is the password link good for?", ["1 hour"], [], "password-reset"),
    ("If I close my account, what happens to my data?", ["30 days"], [], "delete-account"),
    ("Is it necessary to sign up before buying?", ["guest"], [], "create-account"),
    ("Does the guarantee cover me dropping it?", ["accidental damage"], NO, "warranty-policy"),
    ("How long does a repair under guarantee usually take?", ["10-15"], [], "warranty-claims"),
    ("What time does your support team finish on Saturdays?", ["5 pm"], [], "contact-hours"),
    ("What deposit do I put down for a motorbike?", ["500"], [], "vehicles-purchase"),
    ("Can I send back a car after it's been registered?", ["cannot be returned"], NO, "vehicles-purchase"),
    ("Can you hold an item for me until it's restocked?", ["cannot reserve"], NO, "stock-availability"),
    ("I'm between a medium and a large, which should I pick?", ["larger"], [], "sizing-guide"),
    ("How fast do express parcels arrive once shipped?", ["1-2 business days"], [], "shipping-times"),
    ("If I order at 5 pm on a weekday, when does the clock start?", ["next business day"], [], "shipping-times"),
    ("Can I swap these trainers for a different colour?", ["exchange", "exchanged"], [], "exchanges"),
]

def write(name, prefix, questions):
    """Writes `questions` (text, any, forbid, article) as one-turn policy items `prefix-001`..."""
    with open(HERE / name, "w") as f:
        for i, (q, any_, forbid, cite) in enumerate(questions, 1):
            item = {"id": f"{prefix}-{i:03}", "kind": "policy", "turns": [q], "any": any_, "forbid": forbid, "cites": [cite]}
            f.write(json.dumps(item) + "\n")
    print(f"{len(questions)} questions")


if __name__ == "__main__":
    write("answers-policy-fresh28.jsonl", "r28", QUESTIONS)
