//! Texts made of given pieces in a fixed pseudo-random order: the inputs of the tests that
//! compare a lookup or a scan with the regular expression it replaced (`classes`, `vocab`,
//! map's finders), the same texts on every run.

/// `count` texts, each of 1 to `2^(64 - shift)` pieces drawn from `pieces` by a fixed linear
/// congruential sequence started at `seed`.
pub fn texts<'a>(seed: u64, pieces: &'a [&'a str], count: usize, shift: u32) -> impl Iterator<Item = String> + 'a {
    let mut seed = seed;
    (0..count).map(move |_| {
        let mut text = String::new();
        seed = next(seed);
        for _ in 0..=(seed >> shift) {
            seed = next(seed);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        text
    })
}

fn next(seed: u64) -> u64 {
    seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_made_of_the_pieces_and_repeat_from_a_seed() {
        let pieces = ["a", "bc"];
        let first: Vec<String> = texts(7, &pieces, 200, 61).collect();
        assert_eq!(first, texts(7, &pieces, 200, 61).collect::<Vec<_>>());
        assert_ne!(first, texts(8, &pieces, 200, 61).collect::<Vec<_>>());
        assert!(first.iter().all(|t| !t.is_empty() && t.len() <= 16 && t.replace("bc", "").chars().all(|c| c == 'a')));
        assert!(first.iter().any(|t| t.len() > 4), "longer texts are drawn too");
    }
}
