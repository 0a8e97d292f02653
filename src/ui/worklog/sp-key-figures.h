/* sp-key-figures.h — a row of key-figure tiles that becomes two by two, then one a row,
 * when the width runs out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SP_TYPE_KEY_FIGURES (sp_key_figures_get_type ())
G_DECLARE_FINAL_TYPE (SpKeyFigures, sp_key_figures, SP, KEY_FIGURES, GtkWidget)

GtkWidget *sp_key_figures_new        (void);
void       sp_key_figures_append     (SpKeyFigures *self,
                                      GtkWidget    *child);
void       sp_key_figures_remove_all (SpKeyFigures *self);

G_END_DECLS
