//! The answer evaluation's report: the table per kind of question, per language, escalation
//! precision and recall, and time to the first word by how the answer was made.
use super::answers::{Report, Row};
use crate::domain::Language;

fn percentile(mut v: Vec<f64>, p: f64) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn share(a: usize, b: usize) -> String {
    if b == 0 { "-".into() } else { format!("{:.1}%", 100.0 * a as f64 / b as f64) }
}

fn print_row(kind: &str, r: &Row) {
    println!(
        "| {kind} | {} | {} | {} | {} | {} | {:.0} / {:.0} ms |",
        r.n,
        share(r.right, r.n),
        share(r.cited, r.citable),
        r.false_shown,
        r.withheld,
        percentile(r.first_token_ms.clone(), 0.5),
        percentile(r.first_token_ms.clone(), 0.9)
    );
}

pub fn print(report: &Report) {
    println!(
        "| kind | n | right | cites the right source | false value shown | withheld sentences | first word p50 / p90 |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut all = Row::default();
    for (kind, r) in &report.rows {
        print_row(kind, r);
        all.n += r.n;
        all.right += r.right;
        all.cited += r.cited;
        all.citable += r.citable;
        all.false_shown += r.false_shown;
        all.withheld += r.withheld;
        all.first_token_ms.extend(&r.first_token_ms);
    }
    print_row("**all**", &all);
    if report.languages.len() > 1 || !report.languages.contains_key(&Language::En) {
        println!(
            "\n| language | n | right | in the shopper's language | cites the right source | escalation recall | first word p50 / p90 |"
        );
        println!("|---|---|---|---|---|---|---|");
        for (lang, (r, e)) in &report.languages {
            println!(
                "| {lang} | {} | {} | {} | {} | {} | {:.0} / {:.0} ms |",
                r.n,
                share(r.right, r.n),
                share(r.in_language, r.n),
                share(r.cited, r.citable),
                share(e.true_pos, e.true_pos + e.false_neg),
                percentile(r.first_token_ms.clone(), 0.5),
                percentile(r.first_token_ms.clone(), 0.9)
            );
        }
    }
    let e = &report.escalations;
    println!(
        "\nescalation: precision {} recall {} ({} brought in rightly, {} wrongly, {} missed)",
        share(e.true_pos, e.true_pos + e.false_pos),
        share(e.true_pos, e.true_pos + e.false_neg),
        e.true_pos,
        e.false_pos,
        e.false_neg
    );
    for (by, ms) in &report.first_token_by {
        println!(
            "first word, {by} answers: p50 {:.1} ms, p90 {:.1} ms ({} answers)",
            percentile(ms.clone(), 0.5),
            percentile(ms.clone(), 0.9),
            ms.len()
        );
    }
    if !report.wrong.is_empty() {
        println!("\nnot right, or not in the shopper's language:");
        for w in &report.wrong {
            println!("  {w}");
        }
    }
}
