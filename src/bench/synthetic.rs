//! A deterministic synthetic catalog: plausible titles, brands, categories and prices.
use crate::domain::{Money, Product, Sku};
use rand::{Rng, SeedableRng, rngs::SmallRng, seq::IndexedRandom};

const ADJECTIVES: &[&str] = &[
    "wireless",
    "leather",
    "organic",
    "stainless",
    "compact",
    "waterproof",
    "vintage",
    "ergonomic",
    "portable",
    "smart",
    "cotton",
    "bamboo",
    "ceramic",
    "lightweight",
    "heavy-duty",
    "premium",
    "classic",
    "slim",
    "noise-cancelling",
    "rechargeable",
];
const COLOURS: &[&str] = &["black", "white", "red", "blue", "green", "grey", "silver", "gold", "navy", "beige"];
const NOUNS: &[(&str, &str)] = &[
    ("headphones", "electronics"),
    ("speaker", "electronics"),
    ("charger", "electronics"),
    ("smartwatch", "electronics"),
    ("backpack", "bags"),
    ("handbag", "bags"),
    ("wallet", "bags"),
    ("sneakers", "shoes"),
    ("boots", "shoes"),
    ("sandals", "shoes"),
    ("t-shirt", "clothing"),
    ("jacket", "clothing"),
    ("dress", "clothing"),
    ("jeans", "clothing"),
    ("frying pan", "kitchen"),
    ("knife set", "kitchen"),
    ("blender", "kitchen"),
    ("kettle", "kitchen"),
    ("mug", "kitchen"),
    ("desk lamp", "home"),
    ("pillow", "home"),
    ("blanket", "home"),
    ("vase", "home"),
    ("yoga mat", "sports"),
    ("dumbbells", "sports"),
    ("tennis racket", "sports"),
    ("football", "sports"),
    ("sunglasses", "accessories"),
    ("face cream", "beauty"),
    ("shampoo", "beauty"),
    ("perfume", "beauty"),
    ("lipstick", "beauty"),
];
const BRANDS: &[&str] = &[
    "Acme",
    "Northwind",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Tyrell",
    "Soylent",
    "Hooli",
    "Vandelay",
    "Cyberdyne",
];
const PHRASES: &[&str] = &[
    "built to last",
    "great for travel",
    "easy to clean",
    "perfect as a gift",
    "designed for everyday use",
    "with a two-year warranty",
    "loved by customers",
    "made from recycled materials",
];

pub fn catalog(n: usize, seed: u64) -> Vec<Product> {
    let mut rng = SmallRng::seed_from_u64(seed);
    (0..n)
        .map(|i| {
            let adj = ADJECTIVES.choose(&mut rng).copied().unwrap_or("plain");
            let colour = COLOURS.choose(&mut rng).copied().unwrap_or("black");
            let (noun, category) = NOUNS.choose(&mut rng).copied().unwrap_or(("item", "misc"));
            let brand = BRANDS.choose(&mut rng).copied().unwrap_or("Acme");
            let phrase = PHRASES.choose(&mut rng).copied().unwrap_or("");
            let model = rng.random_range(100..999);
            Product {
                sku: Sku::parse(&format!("SYN-{i:07}")).unwrap_or_else(|_| unreachable!("synthetic SKUs are valid")),
                title: format!("{brand} {adj} {colour} {noun} {model}"),
                description: format!("A {adj} {noun} in {colour} from {brand}, {phrase}."),
                brand: Some(brand.to_string()),
                category: category.to_string(),
                tags: vec![category.to_string(), noun.to_string()],
                price: Money(rng.random_range(199..50_000)),
                currency: "USD".into(),
                stock: rng.random_range(0..50),
                rating: Some(rng.random_range(1.0..5.0)),
                warranty: None,
                shipping: None,
                return_policy: None,
                attributes: serde_json::Value::Null,
            }
        })
        .collect()
}

/// Shopper-style queries over the synthetic vocabulary (some with constraints).
pub fn queries(n: usize) -> Vec<String> {
    let mut rng = SmallRng::seed_from_u64(99);
    (0..n)
        .map(|i| {
            let adj = ADJECTIVES.choose(&mut rng).copied().unwrap_or("");
            let (noun, _) = NOUNS.choose(&mut rng).copied().unwrap_or(("item", ""));
            let colour = COLOURS.choose(&mut rng).copied().unwrap_or("");
            match i % 4 {
                0 => format!("{adj} {noun}"),
                1 => format!("{colour} {noun} under ${}", rng.random_range(20..200)),
                2 => format!("{noun} for a gift {colour}"),
                _ => format!("{adj} {colour} {noun} in stock"),
            }
        })
        .collect()
}
