//! Scoring predictions against gold quote annotations (`whosaid eval`).
