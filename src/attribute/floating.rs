//! Pass 3: quotations left over that belong to a statement nearby.

use super::State;
use crate::doc::Doc;

pub(super) fn run(_doc: &Doc<'_>, _state: &mut State) {}
