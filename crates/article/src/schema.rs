//! The JSON Schema of the wire format, generated from the Rust types (feature
//! `schema`; the CLI's `schema` command prints it, `schema/article.schema.json` is
//! the committed copy and a test fails when it is stale).

use serde_json::Value;

use crate::model::Article;

/// The JSON Schema (draft 2020-12) of [`Article`].
///
/// Like the loader, it refuses unknown fields except extensions whose names start
/// with `_` (as JSON Feed 1.1 does).
pub fn json_schema() -> Value {
    let mut schema = schemars::schema_for!(Article).to_value();
    close_objects(&mut schema);
    schema
}

fn close_objects(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if map.contains_key("properties") {
                map.insert(
                    "patternProperties".to_owned(),
                    serde_json::json!({ "^_": {} }),
                );
                map.insert("additionalProperties".to_owned(), Value::Bool(false));
            }
            map.values_mut().for_each(close_objects);
        }
        Value::Array(items) => items.iter_mut().for_each(close_objects),
        _ => {}
    }
}
