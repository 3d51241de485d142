use super::*;

#[test]
fn asking_for_a_person_is_recognised() {
    assert_eq!(classify("Can I talk to a real person please?"), Intent::WantsHuman);
    assert_eq!(classify("where is my order 1234"), Intent::OrderStatus);
    assert_eq!(classify("how long do refunds take"), Intent::Policy);
    assert_eq!(classify("hello"), Intent::Greeting);
    assert_eq!(classify("cheap red lipstick"), Intent::Product);
}

#[test]
fn greetings_thanks_and_people_are_read_as_words_with_punctuation_and_typos() {
    for greeting in ["hello!", "Hi there :)", "hey, good morning", "HELLO?!"] {
        assert_eq!(classify(greeting), Intent::Greeting, "{greeting}");
    }
    for thanks in ["thanks!!", "Thank you so much!", "cheers, that's helpful"] {
        assert_eq!(classify(thanks), Intent::Thanks, "{thanks}");
    }
    for wants in [
        "Connect me to customer service staff now",
        "human please!!",
        "I need to speak with a humna",
        "can you transfer me to an agent?",
        "let me talk to someone from your team",
        "hello?? I asked for a human",
        "could someone from your team help me with this?",
        "Good morning, I want to talk to a human",
        "I am really angry, get me a human now",
        "I've waited since this morning, I want to speak to a person",
        "last night nobody answered, connect me to an agent",
        "Could you hand me over to someone from your staff, please?",
        "switch me to an operator",
        "That didn't help at all. A human, please!",
        "Is there a person I can talk to?",
        "get me someone who can actually help!!",
        "real human needed",
        "Could I be transferred to an advisor?",
        "an employee, urgently",
        "Can I speak with somebody who works there?",
        "I'd like to talk to someone who knows the products",
        "let me speak to a person with authority",
        "Can I get a call from the store?",
        "could you phone me please",
        "Is there anyone I can talk to?",
        "Is there a real person?",
        "is there someone real on the other side?",
        "Hello? Anyone there?",
        "I don't want to talk to a machine.",
        "I'm tired of chatting with a bot",
        "a real person please, not a robot",
        "I would like to be seen by a human advisor",
        "can I talk to your boss?",
        "Is your manager available? I need to talk to him.",
        "Please ask your boss",
        "is a human around?",
        "Can I have a person?",
        "Could I have someone on the phone?",
        "Where is the customer service? I want to complain.",
        "where's your manager",
        "Isn't there a human available?",
        "Is there an employee connected?",
        "Is there anyone in the staff?",
        "Where is the after-sales service? I want to talk to them.",
    ] {
        assert_eq!(classify(wants), Intent::WantsHuman, "{wants}");
    }
    for not in [
        "do you do a personalised engraving?",
        "is this chair good for a person with back pain?",
        "hello, do you sell wireless earphones under $50?",
        "thanks, but the price on the card is wrong",
        "which support bra is the most comfortable?",
        "when can I reach a human on a Sunday?",
        "Can I still talk to somebody real on a Saturday afternoon?",
        "is there a person I can speak to in the evenings?",
        "can I talk to an agent at 7 pm?",
        "can I speak to an agent at 8:30?",
        "connect me to an agent at 8 a.m. please",
        "could someone call me back tomorrow?",
        "is a person around on public holidays?",
        "Can you pass the salt shaker set in black?",
        "I need a watch for a person who swims. Someone sporty.",
        "a gift for someone who can cook",
        "Is this a good gift for a person who likes to chat?",
        "Which laptop would a financial advisor need?",
        "gloves for an employee who works outdoors",
        "can we chat about what a person with diabetes can eat?",
        "I want to talk about a gift for someone who works nights",
        "will you call me when the volleyball is back in stock?",
        "does the phone block spam calls?",
        "can I call you on Saturday?",
        "does anyone buy a case with this phone?",
        "are there any staff discounts?",
        "is there a person in the photo?",
        "is the robot vacuum not working with carpets?",
        "I don't want a robot vacuum, show me cordless ones",
        "I was helped by an agent yesterday, thanks",
        "Do you sell Hugo Boss perfume?",
        "I want the Hugo Boss Bottled",
        "is your delivery available on Sundays?",
        "Is the manager's chair available in black?",
        "a gift for my boss",
        "Can I have a refund for my order?",
        "Where is the staff discount code?",
        "where is my order?",
        "Can I have someone's gift wrapped?",
        "Is there a person in the shop photo?",
        "is there an after-sales service for laptops?",
    ] {
        assert_ne!(classify(not), Intent::WantsHuman, "{not}");
        assert!(!matches!(classify(not), Intent::Greeting | Intent::Thanks), "{not}");
    }
}
