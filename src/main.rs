fn main() {
    let text = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
    let doc = whosaid::wire::document("-", &text, &whosaid::extract(&text));
    println!("{}", serde_json::to_string(&doc).unwrap_or_default());
}
