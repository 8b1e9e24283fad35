//! Pass 2: cues with the clause they govern.

use super::State;
use crate::doc::Doc;

pub(super) fn run(_doc: &Doc<'_>, _state: &mut State) {}
