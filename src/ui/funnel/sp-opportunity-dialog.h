/* sp-opportunity-dialog.h — adds or edits one opportunity (商机): customer, class and intent
 * grade, rep, amount, dates, stage (a move records the stage history), invoiced and collected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-preferences.h"

G_BEGIN_DECLS

#define SP_TYPE_OPPORTUNITY_DIALOG (sp_opportunity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (SpOpportunityDialog, sp_opportunity_dialog, SP, OPPORTUNITY_DIALOG,
                      AdwWindow)

/* A dialog for opportunity @id of the workspace of @preferences, or a new one when @id is 0
 * (in @stage_id when not 0, created on @created_on, ISO, when not NULL: today). Save writes
 * it with sp_opportunity_save() (one undo step) and closes; a refusal shows its message in
 * the dialog and keeps it open. */
GtkWidget *sp_opportunity_dialog_new       (GtkWindow           *parent,
                                            SpPreferences       *preferences,
                                            gint64               id,
                                            gint64               stage_id,
                                            const char          *created_on);
/* What Save does; returns the saved opportunity's id, or 0 with @error (also shown). */
gint64     sp_opportunity_dialog_save      (SpOpportunityDialog *self,
                                            GError             **error);
/* The form's fields, for tests: "title", "customer", "class", "grade", "rep", "amount",
 * "created", "expected", "stage", "stage-on", "invoiced", "collected" (GtkEditable or
 * GtkDropDown), and "error" (the GtkLabel of the last refusal). */
GtkWidget *sp_opportunity_dialog_get_field (SpOpportunityDialog *self,
                                            const char          *name);

G_END_DECLS
