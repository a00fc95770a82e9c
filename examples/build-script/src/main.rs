//! Reads a token creation body as JSON on stdin, validates it with the validators generated
//! by the build script, and prints the violations (exit 1) or `valid`.

include!(concat!(env!("OUT_DIR"), "/tokens_api.rs"));

use std::io::Read as _;
use validation::Validate as _;

fn main() -> std::process::ExitCode {
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).expect("stdin is readable");
    let body: models::TokenRequest = match serde_json::from_str(&input) {
        Ok(body) => body,
        Err(e) => {
            eprintln!("not a TokenRequest: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    match body.validate() {
        Ok(()) => {
            println!("valid");
            std::process::ExitCode::SUCCESS
        }
        Err(errors) => {
            println!("{errors}");
            std::process::ExitCode::FAILURE
        }
    }
}
