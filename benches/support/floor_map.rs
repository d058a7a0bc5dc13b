//! The floor's map: every field of format 1 as a plain struct that serde derives a
//! reader for (no checks, unknown fields dropped, no positions). Shared by the floor
//! program (examples/floor.rs) and the in-process benches (benches/speed.rs).

// The structs mirror the whole format so all of it is decoded; most fields are never read.
#![allow(dead_code)]

use std::io;
use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Map {
    pub title: String,
    pub persona: String,
    pub stages: Vec<Stage>,
    pub shadow: Shadow,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub goal: String,
    pub touchpoints: Vec<String>,
    pub emotion: Emotion,
    pub frictions: Vec<Friction>,
    pub opportunities: Vec<Opportunity>,
    pub metrics: Option<Metrics>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Emotion {
    pub score: Option<i8>,
    pub note: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Friction {
    pub id: String,
    pub text: String,
    pub severity: u8,
    pub channel: String,
    pub votes: u32,
    pub owner: String,
    pub status: String,
    pub evidence: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Opportunity {
    pub id: String,
    pub text: String,
    pub addresses: Vec<String>,
    pub votes: u32,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Metrics {
    pub csat: Option<f64>,
    pub nps: Option<f64>,
    pub ces: Option<f64>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Shadow {
    pub channels: Vec<String>,
    pub notes: Vec<Note>,
    pub plan: Vec<PlanEntry>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Note {
    pub id: String,
    pub at: String,
    pub observer: String,
    pub stage: String,
    pub channel: String,
    pub text: String,
    pub evidence: Vec<String>,
    pub friction: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PlanEntry {
    pub stage: String,
    pub channel: String,
    pub votes: u32,
}

impl Map {
    /// Reads the file whole, then decodes it.
    pub fn read(path: &Path) -> io::Result<Map> {
        serde_json::from_slice(&std::fs::read(path)?).map_err(io::Error::other)
    }
}
