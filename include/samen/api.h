/* api.h: SAMEN_API, the mark of what libsamen.so exports. The library is
 * built with -fvisibility=hidden, so only declarations carrying this mark
 * are seen by a program that links it (tests/lib/symbols.sh checks it). */
#ifndef SAMEN_API_H
#define SAMEN_API_H

#if defined(__GNUC__) || defined(__clang__)
#define SAMEN_API __attribute__((visibility("default")))
#else
#define SAMEN_API
#endif

#endif
