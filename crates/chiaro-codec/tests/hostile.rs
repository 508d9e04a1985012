//! Hostile input, generated here: lying headers, decompression bombs, truncation at
//! many offsets, bad checksums, random bytes. Every case must return (an error, or
//! for a JPEG cut short an image flagged `truncated`), never panic, and keep the peak
//! heap under 100 MB, measured with a counting global allocator.
//!
//! All cases run in one test, one after another, so that the peak measured for each
//! is its own.

use std::io::Write;

use chiaro_codec::{
    DecodeOptions, Error, JpegOptions, LimitKind, Limits, PngOptions, decode, decode_with,
    encode_jpeg, encode_png, probe,
};
use chiaro_pixel::{Image, Rgb8};
use chiaro_testkit::alloc::{CountingAlloc, peak_during};

#[global_allocator]
static ALLOCATOR: CountingAlloc = CountingAlloc;

const MB: usize = 1 << 20;

/// A PNG chunk with its length and CRC.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut c = (u32::try_from(data.len()).expect("small"))
        .to_be_bytes()
        .to_vec();
    c.extend_from_slice(kind);
    c.extend_from_slice(data);
    let mut h = crc32fast::Hasher::new();
    h.update(kind);
    h.update(data);
    c.extend_from_slice(&h.finalize().to_be_bytes());
    c
}

/// A PNG with the given IHDR fields and IDAT payload.
fn png(width: u32, height: u32, depth: u8, color: u8, idat: &[u8]) -> Vec<u8> {
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[depth, color, 0, 0, 0]);
    let mut f = b"\x89PNG\r\n\x1a\n".to_vec();
    f.extend(chunk(b"IHDR", &ihdr));
    f.extend(chunk(b"IDAT", idat));
    f.extend(chunk(b"IEND", &[]));
    f
}

/// A zlib stream of `n` zero bytes (compresses about 1000:1).
fn zeros_zlib(n: usize) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![0u8; 1 << 16];
    let mut left = n;
    while left > 0 {
        let k = left.min(block.len());
        e.write_all(&block[..k]).expect("in memory");
        left -= k;
    }
    e.finish().expect("in memory")
}

/// A baseline JPEG whose frame header claims `w` × `h`, with a scan of no data.
fn lying_jpeg(w: u16, h: u16) -> Vec<u8> {
    let mut f = vec![0xFF, 0xD8];
    f.extend_from_slice(&[0xFF, 0xC0, 0, 11, 8]);
    f.extend_from_slice(&h.to_be_bytes());
    f.extend_from_slice(&w.to_be_bytes());
    f.extend_from_slice(&[1, 1, 0x11, 0]);
    f.extend_from_slice(&[0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0]);
    f.extend_from_slice(&[0x00; 16]);
    f
}

/// A photo-like test image.
fn photo(w: u32, h: u32) -> Image<Rgb8> {
    chiaro_testkit::photo_scene_rgb8(w, h)
}

/// A deterministic byte generator.
fn random_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut s = seed | 1;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s.to_le_bytes()[5]
        })
        .collect()
}

/// Runs one case: it must return, within the heap budget.
fn case<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let (out, peak) = peak_during(f);
    println!(
        "  {label:<58} peak heap {:>8.2} MB",
        peak as f64 / MB as f64
    );
    assert!(peak < 100 * MB, "{label}: peak heap {peak} bytes");
    out
}

fn is_limit(r: &chiaro_codec::Result<chiaro_codec::Decoded>, kind: LimitKind) -> bool {
    matches!(r, Err(Error::LimitExceeded { limit, .. }) if *limit == kind)
}

#[test]
fn hostile_inputs_error_without_panicking_within_100_mb() {
    println!("hostile inputs:");

    // A header that claims 100000×100000: refused from the header.
    let huge = png(100_000, 100_000, 8, 6, &zeros_zlib(1000));
    let r = case("PNG IHDR 100000×100000", || decode(&huge));
    assert!(is_limit(&r, LimitKind::Width), "{r:?}");
    // With only the allocation limit left, that one refuses it.
    let alloc_only = DecodeOptions::new().with_limits(Limits {
        max_alloc_bytes: Limits::default().max_alloc_bytes,
        ..Limits::none()
    });
    let r = case("PNG IHDR 100000×100000, allocation limit only", || {
        decode_with(&huge, &alloc_only)
    });
    assert!(is_limit(&r, LimitKind::AllocBytes), "{r:?}");
    assert_eq!(
        probe(&huge).map(|i| (i.width, i.height)).ok(),
        Some((100_000, 100_000))
    );

    // A small file whose stream would expand past the allocation limit: 8000×8000
    // grey from 64 KB of zlib, against a server's 32 MiB budget.
    let bomb = png(8000, 8000, 8, 0, &zeros_zlib(8001 * 8000));
    assert!(
        bomb.len() < 200_000,
        "the bomb is small: {} bytes",
        bomb.len()
    );
    let tight = DecodeOptions::new().with_limits(Limits {
        max_alloc_bytes: 32 << 20,
        ..Limits::default()
    });
    let r = case(
        "PNG zlib bomb (64 MB from 64 KB) under a 32 MiB limit",
        || decode_with(&bomb, &tight),
    );
    assert!(is_limit(&r, LimitKind::AllocBytes), "{r:?}");

    // A tiny image followed by a stream that inflates to 1 GB: only the image's bytes
    // are ever inflated.
    let tail_bomb = png(16, 16, 8, 0, &zeros_zlib(256 << 20));
    let r = case("PNG 16×16 whose IDAT inflates to 256 MB", || {
        decode(&tail_bomb)
    });
    println!(
        "    -> {}",
        r.as_ref()
            .map_or_else(|e| e.to_string(), |_| "decoded".into())
    );

    // A JPEG frame header that claims 65535×65535.
    let lying = lying_jpeg(65535, 65535);
    let r = case("JPEG frame 65535×65535", || decode(&lying));
    assert!(is_limit(&r, LimitKind::Width), "{r:?}");
    let r = case("JPEG frame 65535×65535, allocation limit only", || {
        decode_with(&lying, &alloc_only)
    });
    assert!(is_limit(&r, LimitKind::AllocBytes), "{r:?}");
    let r = case("JPEG frame 16000×16000 (256 Mpx), default limits", || {
        decode(&lying_jpeg(16000, 16000))
    });
    assert!(is_limit(&r, LimitKind::Pixels), "{r:?}");

    // Truncation at 24 offsets through real files of each kind.
    let image = photo(96, 64);
    let files = [
        (
            "PNG",
            encode_png(image.as_view(), &PngOptions::default()).expect("encodes"),
        ),
        (
            "baseline JPEG",
            encode_jpeg(image.as_view(), &JpegOptions::new(80)).expect("encodes"),
        ),
        (
            "progressive JPEG",
            encode_jpeg(
                image.as_view(),
                &JpegOptions::new(80).with_progressive(true),
            )
            .expect("encodes"),
        ),
    ];
    for (kind, file) in &files {
        let (mut errors, mut partial) = (0, 0);
        case(&format!("{kind} truncated at 24 offsets"), || {
            for i in 0..24 {
                let cut = file.len() * i / 24;
                match decode(&file[..cut]) {
                    Err(_) => errors += 1,
                    Ok(d) => {
                        assert!(d.truncated, "{kind} cut at {cut} decoded as complete");
                        assert_eq!(d.image.size(), (96, 64));
                        partial += 1;
                    }
                }
            }
        });
        println!("    -> {errors} errors, {partial} partial images flagged truncated");
        if kind.starts_with("PNG") {
            assert_eq!(errors, 24, "a PNG cut short is an error");
        }
        if kind.starts_with("progressive") {
            assert!(partial >= 12, "most cuts leave decodable scans");
        }
    }

    // Bad checksums: IHDR's CRC, the IDAT's CRC, and a flipped byte inside the
    // compressed data (caught by the zlib checksum or the inflater).
    let good = files[0].1.clone();
    let idat = good
        .windows(4)
        .position(|w| w == b"IDAT")
        .expect("has IDAT");
    let idat_len = u32::from_be_bytes(good[idat - 4..idat].try_into().expect("4")) as usize;
    for (label, at) in [
        ("PNG IHDR CRC flipped", 8 + 8 + 13),
        ("PNG IDAT CRC flipped", idat + 4 + idat_len),
        (
            "PNG IDAT data flipped (CRC fixed up)",
            idat + 4 + idat_len / 2,
        ),
    ] {
        let mut bad = good.clone();
        bad[at] ^= 0x55;
        if label.contains("fixed up") {
            let mut h = crc32fast::Hasher::new();
            h.update(&bad[idat..idat + 4 + idat_len]);
            bad[idat + 4 + idat_len..idat + 8 + idat_len]
                .copy_from_slice(&h.finalize().to_be_bytes());
        }
        let r = case(label, || decode(&bad));
        assert!(r.is_err(), "{label}: {r:?}");
    }

    // Empty and random input, bare and behind each signature.
    let r = case("empty input", || decode(&[]));
    assert!(matches!(r, Err(Error::UnknownFormat { .. })));
    case("random input, 200 buffers behind each signature", || {
        for seed in 0..200usize {
            let noise = random_bytes(seed as u64, 64 + 37 * seed);
            let _ = decode(&noise);
            let _ = probe(&noise);
            for prefix in [&b"\x89PNG\r\n\x1a\n"[..], &[0xFF, 0xD8, 0xFF][..]] {
                let mut f = prefix.to_vec();
                f.extend_from_slice(&noise);
                assert!(decode(&f).is_err() || prefix[0] == 0xFF);
                let _ = probe(&f);
            }
        }
    });
}

#[test]
fn a_jpeg_missing_only_its_end_marker_decodes_in_full() {
    let image = photo(80, 48);
    let full = encode_jpeg(image.as_view(), &JpegOptions::new(90)).expect("encodes");
    assert_eq!(&full[full.len() - 2..], &[0xFF, 0xD9]);
    let cut = &full[..full.len() - 2];
    // The wrapped decoder alone refuses it.
    assert!(jpeg_decoder::Decoder::new(cut).decode().is_err());
    let whole = decode(&full).expect("decodes");
    let missing = decode(cut).expect("decodes without EOI");
    assert!(!whole.truncated && missing.truncated);
    assert_eq!(missing.image, whole.image);
}
