/* sp-opportunity-csv.h — opportunities in CSV: the import (a preview pass, then one commit,
 * as for history orders) and the export, with the stage history as "entered <stage>" columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-csv.h"
#include "sp-history-import.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_OPPORTUNITY_IMPORT_ERROR (sp_opportunity_import_error_quark ())

typedef enum
{
  SP_OPPORTUNITY_IMPORT_ERROR_REJECTED_ROWS, /* commit refused: some rows are bad */
  SP_OPPORTUNITY_IMPORT_ERROR_EMPTY,         /* no header row */
  SP_OPPORTUNITY_IMPORT_ERROR_STAGE_COLUMN,  /* an "entered <stage>" column names no stage */
} SpOpportunityImportError;

/* The importer's fields, in this order. Besides them, a column headed "entered <stage>" or
 * "进入<阶段>日期" gives the day the opportunity entered that stage. Without any, the history
 * is the first open stage on the created date, then the current stage on the closed date
 * (else the created date). */
typedef enum
{
  SP_OPPORTUNITY_CSV_TITLE,
  SP_OPPORTUNITY_CSV_CUSTOMER,
  SP_OPPORTUNITY_CSV_CUSTOMER_CLASS,
  SP_OPPORTUNITY_CSV_INTENT_GRADE,
  SP_OPPORTUNITY_CSV_REP,
  SP_OPPORTUNITY_CSV_AMOUNT,
  SP_OPPORTUNITY_CSV_CREATED,
  SP_OPPORTUNITY_CSV_EXPECTED_CLOSE,
  SP_OPPORTUNITY_CSV_STAGE,
  SP_OPPORTUNITY_CSV_CLOSED,
  SP_OPPORTUNITY_CSV_INVOICED,
  SP_OPPORTUNITY_CSV_COLLECTED,
  SP_OPPORTUNITY_CSV_N_FIELDS
} SpOpportunityCsvField;

const SpCsvField *sp_opportunity_csv_fields (guint *n_fields);

/* Same options as the history import (encoding, date order, --map overrides,
 * allow_rejected, undo limit). */
typedef SpHistoryImportOptions SpOpportunityImportOptions;

typedef struct
{
  SpCsvEncoding  encoding;
  guint64        rows_read;
  guint64        rows_accepted;
  guint64        rows_rejected;
  GPtrArray     *rejected;        /* SpHistoryRejectedRow*, the first 1000, by line */
  gint64         total_amount;    /* of accepted rows */
  char          *currency;
  GPtrArray     *new_customers;   /* char*, customers a commit creates, in order */
  char          *backup_path;     /* commit of a file over the undo limit: its backup */
} SpOpportunityPreview;

GQuark                sp_opportunity_import_error_quark (void);
void                  sp_opportunity_preview_free       (SpOpportunityPreview *preview);

/* Reads @file and says what an import would do; writes nothing. Rejected rows (unknown rep
 * or stage, bad amounts or dates, dates out of order — created ≤ stage dates ≤ closed —,
 * collected > invoiced, a won or lost stage without a closed date) are listed with their
 * line numbers. */
SpOpportunityPreview *sp_opportunity_import_preview     (SpStore                          *store,
                                                         GFile                            *file,
                                                         const SpOpportunityImportOptions *options,
                                                         GCancellable                     *cancellable,
                                                         GError                          **error);

/* Reads @file again and writes it in one transaction (one undo step "Import opportunities",
 * or after a backup without undo for a file over the undo limit): the default stages when
 * the workspace has none, missing customers, each opportunity and its stage history. With a
 * bad row, refused with SP_OPPORTUNITY_IMPORT_ERROR_REJECTED_ROWS (and @out says why)
 * unless @options->allow_rejected. Nothing is written on any error. */
gboolean              sp_opportunity_import_commit      (SpStore                          *store,
                                                         GFile                            *file,
                                                         const SpOpportunityImportOptions *options,
                                                         GCancellable                     *cancellable,
                                                         SpOpportunityPreview            **out,
                                                         GError                          **error);

/* Writes every opportunity (only @rep_id's, @region_id's reps', @stage_id's when non-zero)
 * by id, in the import's English columns, then one "entered <stage>" column per stage (the
 * last day it entered that stage). Amounts in the workspace currency, dates ISO. */
gboolean              sp_opportunity_export             (SpStore                          *store,
                                                         GOutputStream                    *stream,
                                                         gint64                            rep_id,
                                                         gint64                            region_id,
                                                         gint64                            stage_id,
                                                         SpCsvWriteFlags                   flags,
                                                         GCancellable                     *cancellable,
                                                         GError                          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpOpportunityPreview, sp_opportunity_preview_free)

G_END_DECLS
