/* sp-worksheet-private.h — what the worksheet's files share: the snapshot's fields, the stored
 * names of its enums
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-calendar.h"
#include "sp-worksheet.h"

G_BEGIN_DECLS

struct _SpWorksheet
{
  gatomicrefcount        ref_count;
  gint64                 plan_id;
  int                    fiscal_year;
  GArray                *history_years;   /* of int */
  GArray                *history_totals;  /* of gint64 */
  GArray                *basis_years;     /* of int */
  gboolean               typed_basis;
  gint64                 basis;
  int                    growth_bp;
  gint64                 growth_effect;
  SpWorksheetAdjustment  adjustments[SP_WORKSHEET_N_BASES];
  char                  *swot[SP_WORKSHEET_N_SWOT];
  gint64                 proposed;
  gint64                 target;
  gint64                 sprint;
  gint64                 challenge;
  GArray                *commitments;     /* of SpWorksheetCommitment */
  GArray                *region_sums;     /* of SpWorksheetRegionSum */
  gint64                 committed;
  GArray                *ogsmt;           /* of SpOgsmtItem */
};

/* plan_adjustment.basis, plan_adjustment.kind (NONE: NULL), plan_swot.quadrant and
 * ogsmt_item.kind as stored. */
extern const char * const sp_worksheet_basis_names[SP_WORKSHEET_N_BASES];
extern const char * const sp_worksheet_swot_names[SP_WORKSHEET_N_SWOT];
extern const char * const sp_worksheet_kind_names[3];
extern const char * const sp_ogsmt_kind_names[4];

/* The index of @text in @names (@n entries), or -1. */
int          sp_worksheet_name_index (const char * const *names,
                                      guint               n,
                                      const char         *text);
/* Parses a stored "2024,2025" into sorted, distinct years; FALSE if a part is not a year. */
gboolean     sp_worksheet_parse_years (const char *text,
                                       GArray     *out);
/* The workspace's fiscal calendar (its start month). */
SpCalendar  *sp_worksheet_dup_calendar (SpStore   *store);

/* sp-worksheet-edit.c: opens an edit of @plan_id (NOT_FOUND when there is no such plan);
 * commits it when @ok, else rolls it back and returns FALSE. */
gboolean     sp_worksheet_begin_edit   (SpStore      *store,
                                        gint64        plan_id,
                                        const char   *label,
                                        GError      **error);
gboolean     sp_worksheet_end_edit     (SpStore      *store,
                                        gboolean      ok,
                                        GError      **error);
/* FALSE with an INVALID error naming @field when @text (NULL is fine) is not UTF-8. */
gboolean     sp_worksheet_check_text   (const char   *text,
                                        const char   *field,
                                        GError      **error);

/* sp-worksheet-regions.c: the commitments, the regions' lines and their top-down targets
 * (needs the plan's target, fiscal year and basis years loaded). */
gboolean     sp_worksheet_load_commitments (SpWorksheet  *self,
                                            SpStore      *store,
                                            SpCalendar   *calendar,
                                            GError      **error);

G_END_DECLS
