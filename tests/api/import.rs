//! What an editor notices when importing a catalog.
use crate::helpers::{repo_path, spawn_app};
use aisle::knowledge::{ImportFailure, Options, import_path};
use std::io::Write;

fn file(name: &str, content: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::File::create(&path).and_then(|mut f| f.write_all(content.as_bytes())).expect("write");
    (dir, path)
}

async fn product_count(pool: &sqlx::PgPool) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM products").fetch_one(pool).await.expect("count")
}

#[tokio::test]
async fn a_bad_line_is_reported_with_file_line_and_field_and_nothing_is_imported() {
    let app = spawn_app().await;
    let (_dir, path) = file(
        "catalog.jsonl",
        "{\"sku\":\"MUG-1\",\"title\":\"Mug\",\"category\":\"kitchen\",\"price\":3.5}\n\
         {\"sku\":\"MUG-2\",\"title\":\"Big mug\",\"category\":\"kitchen\",\"price\":\"cheap\"}\n\
         {\"sku\":\"MUG-3\",\"title\":\"\",\"category\":\"kitchen\",\"price\":4}\n",
    );
    let Err(ImportFailure::Invalid(errors)) = import_path(&app.pool, &path, Options::default()).await else {
        panic!("a bad file must be refused");
    };
    let described: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 2, "{described:?}");
    assert!(described[0].contains("catalog.jsonl:2"), "{}", described[0]);
    assert_eq!(errors[1].line, Some(3));
    assert_eq!(errors[1].field.as_deref(), Some("title"));
    assert_eq!(product_count(&app.pool).await, 0, "nothing partial is imported");
}

#[tokio::test]
async fn re_importing_updates_and_never_duplicates() {
    let app = spawn_app().await;
    let first = import_path(&app.pool, &repo_path("knowledge"), Options::default()).await.expect("import");
    assert_eq!((first.products.inserted, first.articles.inserted), (194, 34));
    let again = import_path(&app.pool, &repo_path("knowledge"), Options::default()).await.expect("import");
    assert_eq!((again.products.unchanged, again.articles.unchanged, again.products.inserted), (194, 34, 0));
    assert_eq!(product_count(&app.pool).await, 194);

    let (_dir, path) = file(
        "update.csv",
        "sku,title,category,price,stock,tags\nBEA-ESS-ESS-001,Essence Mascara Lash Princess,beauty,7.49,12,beauty;mascara\n",
    );
    let update = import_path(&app.pool, &path, Options::default()).await.expect("csv import");
    assert_eq!((update.products.updated, update.products.inserted), (1, 0));
    app.app.retriever.reload(&app.app.pool).await.expect("reload");
    let (_, body) = app.search(&[("q", "mascara")]).await;
    assert_eq!(body["hits"][0]["price"], 7.49, "search shows the new price: {body}");
    assert_eq!(product_count(&app.pool).await, 194);
}

#[tokio::test]
async fn the_three_catalog_shapes_import_alike() {
    let app = spawn_app().await;
    let (_a, jsonl) = file(
        "a.jsonl",
        "{\"sku\":\"T-1\",\"title\":\"Teapot\",\"category\":\"kitchen\",\"price\":20,\"stock\":3,\"tags\":[\"tea\"]}\n",
    );
    let (_b, csv) = file("b.csv", "sku,title,category,price,stock,tags\nT-2,Tea cup,kitchen,5.00,0,tea;cups\n");
    let (_c, json) = file(
        "c.json",
        "{\"products\":[{\"id\":1,\"sku\":\"T-3\",\"title\":\"Tea tin\",\"category\":\"kitchen\",\"price\":8.5,\"stock\":2,\"tags\":[],\"reviews\":[]}]}",
    );
    for p in [&jsonl, &csv, &json] {
        import_path(&app.pool, p, Options::default()).await.expect("import");
    }
    let rows: Vec<(String, i64)> =
        sqlx::query_as("SELECT sku, price_cents FROM products ORDER BY sku").fetch_all(&app.pool).await.expect("rows");
    assert_eq!(rows, vec![("T-1".into(), 2000), ("T-2".into(), 500), ("T-3".into(), 850)]);
}
