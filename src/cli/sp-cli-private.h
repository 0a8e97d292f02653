/* sp-cli-private.h — what the command files of sales-planner-cli share
 *
 * A command is one entry in the table in sp-cli.c and one run function. The run function
 * declares its options, calls sp_cli_parse(), does its work through the model's API and
 * returns FALSE with a GError on failure: main() prints the one error line and the exit code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-model.h"

G_BEGIN_DECLS

#define SP_CLI_NAME "sales-planner-cli"

#define SP_CLI_ERROR (sp_cli_error_quark ())

/* The exit status: 0 done, 1 the work failed (a damaged file, a refused edit, I/O), 2 a
 * usage error (SP_CLI_ERROR_USAGE or a GOptionError: unknown command or option, missing or
 * extra argument, a value that does not parse). */
#define SP_CLI_EXIT_OK      0
#define SP_CLI_EXIT_FAILURE 1
#define SP_CLI_EXIT_USAGE   2

typedef enum
{
  SP_CLI_ERROR_USAGE,  /* unknown command or option, missing or extra argument, bad value */
  SP_CLI_ERROR_EXISTS, /* would replace a file without --force */
  SP_CLI_ERROR_REJECTED, /* rows of a file cannot be imported (without --allow-rejected) */
} SpCliError;

typedef struct _SpCli        SpCli;
typedef struct _SpCliCommand SpCliCommand;

/* Runs a command; @argv[0] is the command's name. FALSE with @error on failure. */
typedef gboolean (*SpCliRunFunc) (SpCli       *cli,
                                  int          argc,
                                  char       **argv,
                                  GError     **error);

struct _SpCliCommand
{
  const char   *name;
  const char   *parameter_string; /* N_(), e.g. "FILE"; NULL if the command takes none */
  const char   *summary;          /* N_(), one line for the command list */
  SpCliRunFunc  run;
};

struct _SpCli
{
  const SpCliCommand *command; /* the command being run */
  char               *file;    /* --file, or NULL for sp_store_default_path() */
};

GQuark    sp_cli_error_quark (void);

/* Parses @argv for the running command: @entries (may be NULL) plus --file and --help.
 * Between @min_args and @max_args positional arguments are accepted; they are returned in
 * @args (NULL-terminated, never NULL on success). If --help was given, prints the command's
 * help on stdout and sets @help_shown: the command then returns TRUE at once. */
gboolean  sp_cli_parse       (SpCli              *cli,
                              const GOptionEntry *entries,
                              int                 argc,
                              char              **argv,
                              guint               min_args,
                              guint               max_args,
                              GStrv              *args,
                              gboolean           *help_shown,
                              GError            **error);
/* The workspace path: --file if given, else sp_store_default_path(). */
char     *sp_cli_get_file    (SpCli              *cli);
/* Whether stderr is a terminal (progress lines are only for people). */
gboolean  sp_cli_stderr_is_tty (void);
/* The id of the rep called @name (in @region_id when not 0) by the model's one rule,
 * sp_rep_find_by_name(); no such rep or an ambiguous name is a usage error. 0 with @error. */
gint64    sp_cli_find_rep    (SpStore            *store,
                              const char         *name,
                              gint64              region_id,
                              GError            **error);

/* sp-cli-workspace.c */
gboolean  sp_cli_run_init    (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_demo    (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_import  (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_export  (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_check   (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-plan.c */
/* Opens the workspace, which must exist (the planning commands never create an empty one). */
SpStore          *sp_cli_open_existing  (SpCli *cli, GError **error);
/* @text NULL: "Missing option @option". */
gboolean          sp_cli_parse_year     (const char  *option,
                                         const char  *text,
                                         int         *year,
                                         GError     **error);
/* "15%", "-2.5%", "15" → basis points. */
gboolean          sp_cli_parse_percent  (const char  *option,
                                         const char  *text,
                                         gint64      *basis_points,
                                         GError     **error);
/* sp_plan_find_for_year(), but no plan is an error that says how to make one. */
SpPlan           *sp_cli_require_plan   (SpStore *store, int year, GError **error);
const SpCurrency *sp_cli_get_currency   (SpStore *store);
char             *sp_cli_format_money   (SpStore *store, gint64 amount);
gboolean  sp_cli_run_set_target       (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_breakdown        (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_export_breakdown (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-worksheet.c */
gboolean  sp_cli_run_worksheet        (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-workload.c */
gboolean  sp_cli_run_workload         (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-render.c */
gboolean  sp_cli_run_render           (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-report.c */
gboolean  sp_cli_run_report           (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-history.c */
gboolean  sp_cli_run_import_history (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-evaluation.c */
gboolean  sp_cli_run_ranking        (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_scorecard      (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_payout         (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_revise         (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_coach          (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-worklog.c */
gboolean  sp_cli_run_log_add        (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_log_import     (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_log_export     (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-team.c */
/* Runs "@argv[0] ACTION …" for the running command, whose actions are @actions: the action's
 * own options and --help under the name "COMMAND ACTION"; "COMMAND --help" lists them. */
gboolean  sp_cli_run_action         (SpCli               *cli,
                                     const SpCliCommand  *actions,
                                     guint                n_actions,
                                     int                  argc,
                                     char               **argv,
                                     GError             **error);
/* A model refusal (not found, ambiguous) is the user's input: a usage error with its message;
 * anything else goes on as it is. Takes @local_error; returns FALSE. */
gboolean  sp_cli_usage_error        (GError             **error,
                                     GError              *local_error);
/* --format of the list actions: NULL or "text", or "json". */
gboolean  sp_cli_parse_list_format  (const char          *text,
                                     gboolean            *json,
                                     GError             **error);
/* @text as a JSON string, NULL as null. */
void      sp_cli_json_string        (GString             *out,
                                     const char          *text);
gboolean  sp_cli_run_rep            (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_region         (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-catalog.c */
gboolean  sp_cli_run_product        (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_customer_type  (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-pipeline.c */
/* What the CSV import subcommands share: a 64-bit count for a %u, --encoding and
 * --date-order, and the preview's rejected rows on stderr (one line each, then "… and N
 * more"). */
guint     sp_cli_count              (guint64 n);
gboolean  sp_cli_parse_csv_options  (const char      *encoding_text,
                                     const char      *date_order_text,
                                     SpCsvEncoding   *encoding,
                                     SpCsvDateOrder  *date_order,
                                     GError         **error);
void      sp_cli_print_rejected     (GPtrArray *rejected,
                                     guint64    n_rejected);

gboolean  sp_cli_run_opp_import     (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_opp_export     (SpCli *cli, int argc, char **argv, GError **error);
gboolean  sp_cli_run_opp_stage      (SpCli *cli, int argc, char **argv, GError **error);

/* sp-cli-meeting.c, sp-cli-meeting-agenda.c */
gboolean  sp_cli_run_meeting        (SpCli *cli, int argc, char **argv, GError **error);
/* Prints the agenda of meeting @meeting_id (when > 0) or of a @type meeting on @date, as
 * text or (@format "json") JSON. */
gboolean  sp_cli_meeting_agenda     (SpStore     *store,
                                     const char  *type,
                                     const char  *period,
                                     const char  *date,
                                     gint64       meeting_id,
                                     const char  *format,
                                     GError     **error);

G_END_DECLS
