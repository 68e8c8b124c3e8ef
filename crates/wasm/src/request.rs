//! The JSON requests of `fahras_query` and `fahras_document`, checked field by
//! field so that a wrong shape is refused with the name of the field at fault.

use fahras_engine::{Order, QueryOptions};
use serde_json::{Map, Value};

/// A query request: `{ q, limit?, offset?, filters?: {key: [values]}, sort?: {key: "asc"|"desc"} }`.
pub fn query(input: &str) -> Result<(String, QueryOptions), String> {
    let fields = object(input)?;
    let mut q = String::new();
    let mut options = QueryOptions::default();
    for (name, value) in &fields {
        match name.as_str() {
            "q" => q = string(value, "q")?,
            "limit" => options.limit = count(value, "limit")?,
            "offset" => options.offset = count(value, "offset")?,
            "filters" => options.filters = filters(value)?,
            "sort" => options.sort = sort(value)?,
            other => return Err(format!("unknown field {other:?} (expected q, limit, offset, filters, sort)")),
        }
    }
    Ok((q, options))
}

/// A document request: `{ id, q? }`.
pub fn document(input: &str) -> Result<(String, Option<String>), String> {
    let fields = object(input)?;
    let mut id = None;
    let mut q = None;
    for (name, value) in &fields {
        match name.as_str() {
            "id" => id = Some(string(value, "id")?),
            "q" => q = Some(string(value, "q")?),
            other => return Err(format!("unknown field {other:?} (expected id, q)")),
        }
    }
    Ok((id.ok_or("id is missing")?, q))
}

fn object(input: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str(input) {
        Ok(Value::Object(fields)) => Ok(fields),
        Ok(_) => Err("the request must be a JSON object".to_owned()),
        Err(e) => Err(format!("the request is not valid JSON: {e}")),
    }
}

fn string(value: &Value, name: &str) -> Result<String, String> {
    value.as_str().map(str::to_owned).ok_or_else(|| format!("{name} must be a string, got {}", kind(value)))
}

fn count(value: &Value, name: &str) -> Result<usize, String> {
    let n = value.as_u64().ok_or_else(|| format!("{name} must be a non-negative integer, got {value}"))?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

fn filters(value: &Value) -> Result<Vec<(String, Vec<String>)>, String> {
    let keys = value.as_object().ok_or_else(|| format!("filters must be an object, got {}", kind(value)))?;
    keys.iter()
        .map(|(key, values)| {
            let wrong = || format!("filters.{key} must be an array of strings");
            let values = values.as_array().ok_or_else(wrong)?;
            let values = values.iter().map(|v| v.as_str().map(str::to_owned).ok_or_else(wrong));
            Ok((key.clone(), values.collect::<Result<_, _>>()?))
        })
        .collect()
}

fn sort(value: &Value) -> Result<Option<(String, Order)>, String> {
    let wrong = || format!("sort must be an object with one key whose value is \"asc\" or \"desc\", got {value}");
    let keys = value.as_object().filter(|k| k.len() == 1).ok_or_else(wrong)?;
    let (key, order) = keys.iter().next().ok_or_else(wrong)?;
    let order = match order.as_str() {
        Some("asc") => Order::Asc,
        Some("desc") => Order::Desc,
        _ => return Err(wrong()),
    };
    Ok(Some((key.clone(), order)))
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_request_is_read() {
        let (q, o) =
            query(r#"{"q":"حلب","limit":5,"offset":20,"filters":{"source":["a","b"]},"sort":{"date":"desc"}}"#)
                .unwrap();
        assert_eq!(q, "حلب");
        assert_eq!((o.limit, o.offset), (5, 20));
        assert_eq!(o.filters, [("source".to_owned(), vec!["a".to_owned(), "b".to_owned()])]);
        assert_eq!(o.sort, Some(("date".to_owned(), Order::Desc)));
        assert_eq!(query("{}").unwrap(), (String::new(), QueryOptions::default()));
        assert_eq!(document(r#"{"id":"x","q":"y"}"#).unwrap(), ("x".to_owned(), Some("y".to_owned())));
    }

    #[test]
    fn a_bad_shape_is_refused_naming_the_field() {
        for (input, field) in [
            ("[]", "JSON object"),
            ("{", "not valid JSON"),
            (r#"{"q":1}"#, "q must be a string"),
            (r#"{"limit":-1}"#, "limit must be a non-negative integer"),
            (r#"{"offset":1.5}"#, "offset must be a non-negative integer"),
            (r#"{"filters":[]}"#, "filters must be an object"),
            (r#"{"filters":{"k":"v"}}"#, "filters.k must be an array of strings"),
            (r#"{"filters":{"k":[1]}}"#, "filters.k must be an array of strings"),
            (r#"{"sort":{"a":"asc","b":"asc"}}"#, "sort must be an object with one key"),
            (r#"{"sort":{"a":"up"}}"#, "sort must be"),
            (r#"{"page":2}"#, "unknown field \"page\""),
        ] {
            let error = query(input).unwrap_err();
            assert!(error.contains(field), "{input}: {error}");
        }
        assert!(document("{}").unwrap_err().contains("id is missing"));
        assert!(document(r#"{"id":3}"#).unwrap_err().contains("id must be a string"));
    }
}
