/* cli-runner.h — runs sales-planner-cli for test-cli and looks at the files it leaves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-model.h"

G_BEGIN_DECLS

#define PREFIX "sales-planner-cli: "
#define TODAY  "2026-11-22"

typedef struct
{
  int   status; /* exit status */
  char *out;
  char *err;
} CliResult;

typedef struct
{
  char *dir;     /* a fresh temporary folder; the default workspace points into it */
  char *setpriv; /* set: run the CLI as "nobody" through setpriv */
} Fixture;

typedef enum
{
  BAD_RANDOM,        /* random bytes */
  BAD_SQLITE_HEADER, /* SQLite's magic string, then random bytes */
  BAD_FOREIGN,       /* another program's SQLite database */
  BAD_TOO_NEW,       /* ours, from a newer version */
} BadKind;

void       cli_result_free       (CliResult     *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

void       fixture_set_up        (Fixture       *fixture,
                                  gconstpointer  data);
void       fixture_tear_down     (Fixture       *fixture,
                                  gconstpointer  data);
char      *fixture_path          (Fixture       *fixture,
                                  const char    *name);

/* Runs $SP_CLI with the arguments (NULL-terminated) and @env_pairs ("NAME", "value", …,
 * NULL; may be NULL) added to the environment. $SALES_PLANNER_FILE and $XDG_DATA_HOME point
 * into @fixture's folder, never at the user's workspace. */
CliResult *run_cli_env           (Fixture       *fixture,
                                  const char   **env_pairs,
                                  const char    *first_arg,
                                  ...);
#define run_cli(fixture, ...) run_cli_env ((fixture), NULL, __VA_ARGS__)

/* Exit 1 (the work failed), nothing on stdout and exactly "sales-planner-cli: @message\n"
 * on stderr. */
void       assert_failed_with    (CliResult     *result,
                                  const char    *message);
/* The same with exit 2: a usage error (unknown command or option, a missing argument, a
 * value that does not parse). */
void       assert_usage_error    (CliResult     *result,
                                  const char    *message);
/* The same with exit @status. */
void       assert_exited_with    (CliResult     *result,
                                  int            status,
                                  const char    *message);
/* Exit 0, nothing on stderr and, unless @out is NULL, exactly @out on stdout. */
void       assert_succeeded_with (CliResult     *result,
                                  const char    *out);

char      *file_checksum         (const char    *path);
/* Every file under the fixture's folder with its checksum: what "nothing changed" compares. */
char      *snapshot              (Fixture       *fixture);
/* sp_store_content_hash() of the workspace at @path, opened read-only. */
char      *content_hash          (const char    *path);
void       write_bad_file        (const char    *path,
                                  BadKind        kind);

G_END_DECLS
