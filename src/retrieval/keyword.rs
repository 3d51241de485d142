//! BM25 over products and article passages with tantivy, held in memory and rebuilt from Postgres.
use super::{Doc, Source};
use crate::domain::{DocKind, Filters};
use std::cmp::Reverse;
use std::ops::Bound;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions};
use tantivy::{DocAddress, DocId, Index, IndexReader, Score, SegmentReader, TantivyDocument, Term};

/// Field boosts: a word in the title says more than a word in a long description.
const BOOSTS: &[(&str, f32)] = &[("title", 3.0), ("brand", 2.0), ("category", 1.5), ("tags", 2.0), ("body", 1.0)];

pub struct KeywordIndex {
    index: Index,
    reader: IndexReader,
    parser: QueryParser,
    f: Fields,
}

#[derive(Clone, Copy)]
struct Fields {
    ord: Field,
    kind: Field,
    title: Field,
    body: Field,
    category_raw: Field,
    price: Field,
    stock: Field,
    rating: Field,
}

fn schema() -> (Schema, Vec<Field>, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let text_fields: Vec<Field> = BOOSTS.iter().map(|(name, _)| b.add_text_field(name, text.clone())).collect();
    let f = Fields {
        ord: b.add_u64_field("ord", FAST),
        kind: b.add_text_field("kind", STRING),
        title: text_fields[0],
        body: text_fields[4],
        category_raw: b.add_text_field("category_raw", STRING),
        price: b.add_i64_field("price", INDEXED | FAST),
        stock: b.add_i64_field("stock", INDEXED | FAST),
        rating: b.add_f64_field("rating", INDEXED | FAST),
    };
    (b.build(), text_fields, f)
}

fn kind_term(f: &Fields, kind: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(f.kind, kind), IndexRecordOption::Basic))
}

impl KeywordIndex {
    pub fn build(docs: &[Doc]) -> tantivy::Result<Self> {
        let (schema, text_fields, f) = schema();
        let index = Index::create_in_ram(schema);
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(4);
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(threads, 64_000_000 * threads)?;
        for (ord, doc) in docs.iter().enumerate() {
            let mut d = TantivyDocument::default();
            d.add_u64(f.ord, ord as u64);
            match &doc.source {
                Source::Product(p) => {
                    d.add_text(f.kind, "product");
                    d.add_text(text_fields[0], &p.title);
                    if let Some(brand) = &p.brand {
                        d.add_text(text_fields[1], brand);
                    }
                    d.add_text(text_fields[2], p.category.replace('-', " "));
                    d.add_text(text_fields[3], p.tags.join(" "));
                    d.add_text(text_fields[4], &p.description);
                    d.add_text(f.category_raw, &p.category);
                    d.add_i64(f.price, p.price.0);
                    d.add_i64(f.stock, i64::from(p.stock));
                    d.add_f64(f.rating, f64::from(p.rating.unwrap_or(0.0)));
                }
                Source::Passage(ps) => {
                    d.add_text(f.kind, "article");
                    d.add_text(text_fields[0], &ps.title);
                    d.add_text(text_fields[2], ps.kind.as_str());
                    d.add_text(text_fields[3], ps.tags.join(" "));
                    d.add_text(text_fields[4], &ps.text);
                }
            }
            writer.add_document(d)?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        let mut parser = QueryParser::for_index(&index, text_fields.clone());
        for (field, (_, boost)) in text_fields.iter().zip(BOOSTS) {
            parser.set_field_boost(*field, *boost);
        }
        Ok(Self { index, reader, parser, f })
    }

    /// Restricts to products that pass the filters; articles drop out when any product filter is set.
    fn restriction(&self, kind: DocKind, filters: &Filters) -> Vec<(Occur, Box<dyn Query>)> {
        let f = &self.f;
        let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let products_only = kind == DocKind::Product || !filters.is_empty();
        if products_only {
            must.push((Occur::Must, kind_term(f, "product")));
        } else if kind == DocKind::Article {
            must.push((Occur::Must, kind_term(f, "article")));
        }
        let i64_range = |field, lo: Option<i64>, hi: Option<i64>| -> Box<dyn Query> {
            let b = |v: Option<i64>| v.map_or(Bound::Unbounded, |v| Bound::Included(Term::from_field_i64(field, v)));
            Box::new(RangeQuery::new(b(lo), b(hi)))
        };
        if filters.min_price.is_some() || filters.max_price.is_some() {
            must.push((
                Occur::Must,
                i64_range(f.price, filters.min_price.map(|m| m.0), filters.max_price.map(|m| m.0)),
            ));
        }
        if filters.in_stock {
            must.push((Occur::Must, i64_range(f.stock, Some(1), None)));
        }
        if let Some(r) = filters.min_rating {
            let lo = Bound::Included(Term::from_field_f64(f.rating, f64::from(r)));
            must.push((Occur::Must, Box::new(RangeQuery::new(lo, Bound::Unbounded))));
        }
        if let Some(c) = &filters.category {
            must.push((
                Occur::Must,
                Box::new(TermQuery::new(Term::from_field_text(f.category_raw, c), IndexRecordOption::Basic)),
            ));
        }
        must
    }

    /// Words the index has never seen get a fuzzy match on titles, so "hedphones" still finds headphones.
    fn fuzzy_clauses(&self, text: &str, searcher: &tantivy::Searcher) -> Vec<(Occur, Box<dyn Query>)> {
        let Ok(mut analyzer) = self.index.tokenizer_for_field(self.f.title) else {
            return Vec::new();
        };
        let mut stream = analyzer.token_stream(text);
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        while let Some(tok) = stream.next() {
            if tok.text.chars().count() < 4 {
                continue;
            }
            let in_title = Term::from_field_text(self.f.title, &tok.text);
            let in_body = Term::from_field_text(self.f.body, &tok.text);
            let known = searcher.doc_freq(&in_title).unwrap_or(0) + searcher.doc_freq(&in_body).unwrap_or(0) > 0;
            if !known {
                let distance = if tok.text.chars().count() >= 8 { 2 } else { 1 };
                let fuzzy = FuzzyTermQuery::new(in_title, distance, true);
                out.push((Occur::Should, Box::new(BoostQuery::new(Box::new(fuzzy), 4.0))));
            }
        }
        out
    }

    /// The best `limit` documents as (document position, BM25 score), best first.
    pub fn search(
        &self,
        text: &str,
        kind: DocKind,
        filters: &Filters,
        limit: usize,
    ) -> tantivy::Result<Vec<(usize, f32)>> {
        let searcher = self.reader.searcher();
        let (parsed, _ignored) = self.parser.parse_query_lenient(text);
        let mut should = vec![(Occur::Should, parsed)];
        should.extend(self.fuzzy_clauses(text, &searcher));
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(BooleanQuery::new(should)))];
        clauses.extend(self.restriction(kind, filters));
        let query = BooleanQuery::new(clauses);
        // Equal scores go in catalog order, whichever indexing thread took each document: the
        // same search gives the same results in every process.
        let collector = TopDocs::with_limit(limit).tweak_score(|segment: &SegmentReader| {
            let ords = segment.fast_fields().u64("ord").ok();
            move |doc: DocId, score: Score| {
                (score, Reverse(ords.as_ref().and_then(|o| o.first(doc)).unwrap_or(u64::MAX)))
            }
        });
        let top: Vec<((Score, Reverse<u64>), DocAddress)> = searcher.search(&query, &collector)?;
        Ok(top
            .into_iter()
            .filter(|((_, ord), _)| ord.0 != u64::MAX)
            .map(|((score, ord), _)| (ord.0 as usize, score))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Equal scores are ranked by catalog order, not by which indexing thread took a document,
    /// so the same search gives the same results in every process (and evaluations repeat).
    #[test]
    fn ties_are_ranked_by_catalog_order() {
        let docs: Vec<Doc> = (0..400)
            .map(|i| {
                let p = serde_json::json!({"sku": format!("MUG-{i:03}"), "title": "Blue ceramic mug",
                    "description": "A mug.", "price": 9.5, "currency": "USD", "stock": 3, "category": "kitchen",
                    "tags": [], "attributes": {}});
                Doc {
                    id: format!("MUG-{i:03}"),
                    source: Source::Product(serde_json::from_value(p).expect("a product")),
                }
            })
            .collect();
        for _ in 0..3 {
            let index = KeywordIndex::build(&docs).expect("index");
            let found = index.search("blue mug", DocKind::Product, &Filters::default(), 5).expect("search");
            assert_eq!(found.iter().map(|(ord, _)| *ord).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4]);
        }
    }
}
