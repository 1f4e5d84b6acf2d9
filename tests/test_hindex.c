/* test_hindex.c: the hash index of src/util/hindex.c: lookups and misses,
 * keys of two strings, repeated keys (the lowest record wins, also across
 * a resize), integer keys, and many keys with the table growing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "util/hindex.h"

/* Records of one string each: words[rec]. */
typedef struct words_key {
    const char *const *words;
    const char *word;
} words_key;

static int word_match(const void *ctx, int rec)
{
    const words_key *k = ctx;
    return !strcmp(k->words[rec], k->word);
}

static int find_word(const samen_hindex *x, const char *const *words, const char *w)
{
    words_key k = {words, w};
    return samen_hindex_find(x, samen_hash_str(SAMEN_HASH_START, w), word_match, &k);
}

static void add_word(samen_hindex *x, const char *const *words, int rec)
{
    assert_int_equal(samen_hindex_add(x, samen_hash_str(SAMEN_HASH_START, words[rec]), rec), 0);
}

static void test_empty(void **state)
{
    (void)state;
    samen_hindex x = {0};
    const char *const words[] = {"a"};
    assert_int_equal(find_word(&x, words, "a"), -1);
    samen_hindex_free(&x);
    samen_hindex_free(&x); /* freeing twice leaves it empty */
    assert_int_equal(x.cap, 0);
}

static void test_lookups_and_misses(void **state)
{
    (void)state;
    const char *const words[] = {"school", "childcare", "sport", "", "sport-club"};
    samen_hindex x = {0};
    for (int i = 0; i < 5; i++)
        add_word(&x, words, i);
    for (int i = 0; i < 5; i++)
        assert_int_equal(find_word(&x, words, words[i]), i);
    assert_int_equal(find_word(&x, words, "spor"), -1);
    assert_int_equal(find_word(&x, words, "sport-"), -1);
    assert_int_equal(find_word(&x, words, "School"), -1);
    samen_hindex_free(&x);
}

/* An index that hashes everything alike still finds by the match. */
static void test_collisions(void **state)
{
    (void)state;
    const char *const words[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
    samen_hindex x = {0};
    for (int i = 0; i < 10; i++)
        assert_int_equal(samen_hindex_add(&x, 42, i), 0);
    for (int i = 0; i < 10; i++) {
        words_key k = {words, words[i]};
        assert_int_equal(samen_hindex_find(&x, 42, word_match, &k), i);
    }
    words_key miss = {words, "z"};
    assert_int_equal(samen_hindex_find(&x, 42, word_match, &miss), -1);
    assert_int_equal(samen_hindex_find(&x, 43, word_match, &miss), -1);
    samen_hindex_free(&x);
}

/* Records of two strings: "ab" + "c" must not meet "a" + "bc". */
typedef struct pair_key {
    const char *const (*pairs)[2];
    const char *a, *b;
} pair_key;

static int pair_match(const void *ctx, int rec)
{
    const pair_key *k = ctx;
    return !strcmp(k->pairs[rec][0], k->a) && !strcmp(k->pairs[rec][1], k->b);
}

static uint64_t pair_hash(const char *a, const char *b)
{
    return samen_hash_str(samen_hash_str(SAMEN_HASH_START, a), b);
}

static void test_two_string_keys(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"ab", "c"}, {"a", "bc"}, {"network x", "type"}, {"network xt", "ype"}};
    assert_true(pair_hash("ab", "c") != pair_hash("a", "bc"));
    samen_hindex x = {0};
    for (int i = 0; i < 4; i++)
        assert_int_equal(samen_hindex_add(&x, pair_hash(pairs[i][0], pairs[i][1]), i), 0);
    for (int i = 0; i < 4; i++) {
        pair_key k = {pairs, pairs[i][0], pairs[i][1]};
        assert_int_equal(samen_hindex_find(&x, pair_hash(k.a, k.b), pair_match, &k), i);
    }
    pair_key miss = {pairs, "abc", ""};
    assert_int_equal(samen_hindex_find(&x, pair_hash("abc", ""), pair_match, &miss), -1);
    samen_hindex_free(&x);
}

/* A key added twice: the first record is found, before and after the
 * table grows past its first size. */
static void test_repeated_key(void **state)
{
    (void)state;
    static char store[200][16];
    const char *words[200];
    for (int i = 0; i < 200; i++) {
        snprintf(store[i], sizeof store[i], "id-%d", i % 50 == 7 ? 7 : i);
        words[i] = store[i];
    }
    samen_hindex x = {0};
    for (int i = 0; i < 10; i++)
        add_word(&x, words, i);
    assert_int_equal(find_word(&x, words, "id-7"), 7);
    for (int i = 10; i < 200; i++)
        add_word(&x, words, i);
    assert_true(x.cap >= 400);
    assert_int_equal(find_word(&x, words, "id-7"), 7); /* not 57, 107 or 157 */
    assert_int_equal(find_word(&x, words, "id-57"), -1);
    assert_int_equal(find_word(&x, words, "id-199"), 199);
    samen_hindex_free(&x);
}

/* Integer keys, as the loader's check of a list for repeats uses them. */
typedef struct int_key {
    const int *v;
    int want;
} int_key;

static int int_match(const void *ctx, int rec)
{
    const int_key *k = ctx;
    return k->v[rec] == k->want;
}

static void test_int_keys(void **state)
{
    (void)state;
    const int v[] = {5, 0, 17, 3};
    samen_hindex x = {0};
    for (int i = 0; i < 4; i++)
        assert_int_equal(samen_hindex_add(&x, (uint64_t)v[i] * 0x9E3779B97F4A7C15u, i), 0);
    for (int i = 0; i < 4; i++) {
        int_key k = {v, v[i]};
        assert_int_equal(samen_hindex_find(&x, (uint64_t)v[i] * 0x9E3779B97F4A7C15u,
                                           int_match, &k), i);
    }
    int_key miss = {v, 4};
    assert_int_equal(samen_hindex_find(&x, 4 * 0x9E3779B97F4A7C15u, int_match, &miss), -1);
    samen_hindex_free(&x);
}

/* Enough ids for a large region: every one found, misses missed, and the
 * table kept at most half full. */
/* Texts found from a field of a longer line (no NUL after it): "net1"
 * and "net10" differ, a prefix is not a match, and the hash of a field is
 * samen_hash_str's of the same string. */
static void test_text_fields(void **state)
{
    (void)state;
    char *text[] = {"net1", "net10", "f2.o3"};
    samen_hindex x = {0};
    for (int i = 0; i < 3; i++)
        assert_int_equal(samen_hindex_add(&x, samen_hash_text(text[i], strlen(text[i])), i), 0);
    const char *line = "7,net10,f2.o3,net";
    assert_int_equal(samen_hindex_find_text(&x, text, line + 2, 5), 1);  /* net10 */
    assert_int_equal(samen_hindex_find_text(&x, text, line + 2, 4), 0);  /* net1 */
    assert_int_equal(samen_hindex_find_text(&x, text, line + 8, 5), 2);  /* f2.o3 */
    assert_int_equal(samen_hindex_find_text(&x, text, line + 14, 3), -1); /* net */
    assert_true(samen_hash_text(line + 2, 5) == samen_hash_str(SAMEN_HASH_START, "net10"));
    samen_hindex_free(&x);
}

static void test_many_ids(void **state)
{
    (void)state;
    enum { N = 100000 };
    static char store[N][24];
    static const char *words[N];
    for (int i = 0; i < N; i++) {
        snprintf(store[i], sizeof store[i], "n%05d-school-%d", i / 7, i % 7);
        words[i] = store[i];
    }
    samen_hindex x = {0};
    for (int i = 0; i < N; i++)
        add_word(&x, words, i);
    assert_int_equal(x.n, N);
    assert_true(x.cap >= 2 * (size_t)N);
    for (int i = 0; i < N; i++)
        assert_int_equal(find_word(&x, words, words[i]), i);
    char miss[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(miss, sizeof miss, "n%05d-school-%d", i, 7 + i % 3);
        assert_int_equal(find_word(&x, words, miss), -1);
    }
    samen_hindex_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_lookups_and_misses),
        cmocka_unit_test(test_collisions),
        cmocka_unit_test(test_two_string_keys),
        cmocka_unit_test(test_repeated_key),
        cmocka_unit_test(test_int_keys),
        cmocka_unit_test(test_text_fields),
        cmocka_unit_test(test_many_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
