#!/usr/bin/env python3
"""Writes answers-policy-fresh29.jsonl: 48 policy questions, one or two per article, worded away
from the articles and their listed questions, with the words a right answer must hold (`any`),
a yes where the article says no (`forbid`) and the article to cite. Written during a session
(2026-12-06, tenth round) before any code of that round ran on it, as the held-out policy
measure of the round's code (issue 10's policy target). Do not tune on it.

    python3 tests/eval/make_policy29.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from make_policy28 import write  # noqa: E402

NO = ["Yes,", "Yes."]

QUESTIONS = [
    ("My cart is at $30, will you charge me to deliver it?", ["4.99"], [], "shipping-costs"),
    ("What's the fee if I want it to come quicker?", ["14.99"], [], "shipping-costs"),
    ("How much do I need to spend so delivery costs nothing?", ["50"], [], "shipping-costs"),
    ("Do you post parcels to Singapore?", ["Asia-Pacific"], [], "international-shipping"),
    ("If I'm abroad, am I the one paying the taxes at the border?", ["recipient"], [], "international-shipping"),
    ("Can a motorbike be sent to Germany?", ["cannot ship", "motorcycles"], NO, "international-shipping"),
    ("Is Google Pay an option at checkout?", ["Google Pay"], [], "payment-methods"),
    ("Could I send you a cheque in the mail?", ["cheques"], NO, "payment-methods"),
    ("What's the smallest basket I can pay for over several months?", ["200"], [], "installments"),
    ("If I spread the cost over a year, is there interest?", ["interest rate", "shown before"], [], "installments"),
    ("What amounts can I put on a gift voucher?", ["10", "500"], [], "gift-cards"),
    ("Where can I see how much credit my gift card still has?", ["Account > Gift cards", "Gift cards"], [], "gift-cards"),
    ("Can you put my order in nice paper with a note?", ["3.99"], [], "gift-wrapping"),
    ("Can my friend swap the present I sent her?", ["gift receipt"], [], "gift-wrapping"),
    ("I sent something back last week, when is my money coming?", ["5 business days"], [], "refunds"),
    ("Everything I got was defective and I returned it all, do I get the postage refunded?", ["shipping costs are refunded", "refunded"], [], "refunds"),
    ("What gets taken off my refund if I simply don't want the item anymore?", ["5.95"], [], "return-shipping-cost"),
    ("Is it free to change a pair of jeans for a smaller size?", ["free"], [], "return-shipping-cost"),
    ("Where do I leave the box once I've printed the label?", ["carrier point"], [], "how-to-return"),
    ("I want to call off what I ordered this morning", ["until it is dispatched", "Cancel"], [], "order-changes"),
    ("It already left the warehouse, can I still stop the order?", ["can no longer be cancelled", "return it"], NO, "order-changes"),
    ("I got the shipping email but the carrier page shows nothing yet", ["24 hours"], [], "order-tracking"),
    ("The app says my box was dropped off but I never got it", ["neighbours", "one more business day"], [], "lost-parcel"),
    ("The carrier lost my parcel, how long until you make it right?", ["7 business days"], [], "lost-parcel"),
    ("Half my order wasn't in the box, what do you need from me?", ["order number", "photo"], [], "missing-or-damaged"),
    ("Do I need to ship the cracked one back to you?", ["do not need to return"], [], "missing-or-damaged"),
    ("How many points make a $5 discount?", ["100 points"], [], "loyalty-program"),
    ("Do I keep my points if I send the item back?", ["removed"], NO, "loyalty-program"),
    ("How much do students save?", ["10%"], [], "student-discount"),
    ("Can I use my student reduction together with a promo code?", ["cannot be combined"], NO, "student-discount"),
    ("Where do I paste a coupon when paying?", ["Discount code"], [], "discount-codes"),
    ("My voucher says invalid, what should I look at?", ["expiry date", "minimum order"], [], "discount-codes"),
    ("Is sales tax already in the listed price?", ["include"], [], "price-match"),
    ("Another store sells it for less, will you match them?", ["do not match"], NO, "price-match"),
    ("Is this conversation being saved somewhere?", ["12 months"], [], "privacy-policy"),
    ("Do you drop analytics cookies without asking?", ["consent"], NO, "privacy-policy"),
    ("The link to set a new password never showed up in my inbox", ["spam"], [], "password-reset"),
    ("Can your support staff tell me my current password?", ["cannot see"], NO, "password-reset"),
    ("My order is still coming, can I close my account now?", ["must be completed"], NO, "delete-account"),
    ("What do I gain by making an account?", ["track orders"], [], "create-account"),
    ("Will the warranty pay for a screen I cracked by sitting on it?", ["accidental damage"], NO, "warranty-policy"),
    ("From what day does the guarantee begin?", ["delivery date"], [], "warranty-policy"),
    ("For a valid repair claim, who pays the shipping?", ["both directions"], [], "warranty-claims"),
    ("Until what time can I reach support on a Tuesday?", ["8 pm"], [], "contact-hours"),
    ("How much is due online to reserve a car?", ["500"], [], "vehicles-purchase"),
    ("Can you tell me when the sold-out item will be back?", ["cannot", "Notify me"], [], "stock-availability"),
    ("Once shipped, how many days for a normal parcel inside the country?", ["2-5 business days"], [], "shipping-times"),
    ("Is it fine to exchange boots for a different colour?", ["exchange", "exchanged"], [], "exchanges"),
]

if __name__ == "__main__":
    write("answers-policy-fresh29.jsonl", "r29", QUESTIONS)
