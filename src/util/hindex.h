/* hindex.h: an open-addressing hash index over records that the caller
 * keeps in its own array (organisations, the keys and sections of the INI
 * store). It holds record numbers under the hash of their key and asks the
 * caller which record holds a key, so it serves a key of one string, of
 * two, or an integer alike, without copying keys. Records are added one at
 * a time, so a reader can report a repeated key at the line it meets it. */
#ifndef SAMEN_HINDEX_H
#define SAMEN_HINDEX_H

#include <stddef.h>
#include <stdint.h>

/* All zero is an empty index. */
typedef struct samen_hindex {
    uint64_t *hash;  /* per slot: the hash its record was added under */
    int *rec;        /* per slot: a record number, -1 when empty */
    size_t cap;      /* slots: 0, or a power of two at least twice n */
    size_t n;        /* records added */
} samen_hindex;

/* The start of a string hash, and 64-bit FNV-1a of s continuing from h.
 * The closing NUL is hashed too, so that a key of several strings, hashed
 * one after the other, cannot collide with the same text cut elsewhere. */
#define SAMEN_HASH_START UINT64_C(14695981039346656037)
uint64_t samen_hash_str(uint64_t h, const char *s);

/* 64-bit FNV-1a of n bytes continuing from h (SAMEN_HASH_START to begin):
 * the one FNV of samen, for the index and for digests (a sweep's scenario
 * digest in sweep.ini, whose bytes depend on it). */
uint64_t samen_hash_bytes(uint64_t h, const void *data, size_t n);

/* Whether record rec holds the key that ctx describes. */
typedef int (*samen_hindex_match)(const void *ctx, int rec);

/* The lowest record number added under hash that match accepts, or -1. */
int samen_hindex_find(const samen_hindex *x, uint64_t hash, samen_hindex_match match,
                      const void *ctx);

/* Adds record rec (>= 0) under hash; a key already present is not looked
 * for (find it first). Returns 0, or -1 out of memory with x unchanged. */
int samen_hindex_add(samen_hindex *x, uint64_t hash, int rec);

/* For records that are strings the caller keeps, text[rec]: the hash of
 * s[0..n) (as samen_hash_str gives it for the string s), to add record
 * rec under, and the record whose text is s[0..n), or -1. */
uint64_t samen_hash_text(const char *s, size_t n);
int samen_hindex_find_text(const samen_hindex *x, char *const *text, const char *s, size_t n);

/* Frees the slots and leaves x empty. */
void samen_hindex_free(samen_hindex *x);

#endif
