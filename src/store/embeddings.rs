//! The `embeddings` table: vectors cached by model and text hash, so restarts need not re-embed.
use sqlx::PgPool;
use std::collections::HashMap;

pub async fn load(pool: &PgPool, model: &str, hashes: &[String]) -> Result<HashMap<String, Vec<f32>>, sqlx::Error> {
    let rows: Vec<(String, Vec<f32>)> =
        sqlx::query_as("SELECT text_hash, vector FROM embeddings WHERE model = $1 AND text_hash = ANY($2)")
            .bind(model)
            .bind(hashes)
            .fetch_all(pool)
            .await?;
    Ok(rows.into_iter().collect())
}

pub async fn save(pool: &PgPool, model: &str, items: &[(String, Vec<f32>)]) -> Result<(), sqlx::Error> {
    for chunk in items.chunks(500) {
        let hashes: Vec<&str> = chunk.iter().map(|(h, _)| h.as_str()).collect();
        // Postgres has no array-of-arrays binding for ragged input; send each vector as a JSON array.
        let vectors: Vec<serde_json::Value> = chunk.iter().map(|(_, v)| serde_json::json!(v)).collect();
        sqlx::query(
            r#"INSERT INTO embeddings (model, text_hash, vector)
               SELECT $1, h, ARRAY(SELECT jsonb_array_elements_text(v)::real)
               FROM UNNEST($2::text[], $3::jsonb[]) AS t(h, v)
               ON CONFLICT DO NOTHING"#,
        )
        .bind(model)
        .bind(&hashes)
        .bind(&vectors)
        .execute(pool)
        .await?;
    }
    Ok(())
}
