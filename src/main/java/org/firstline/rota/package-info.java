/**
 * Rotas and duties: rotations of people handing over at a local weekday and time, their shifts planned months
 * ahead, overrides, swaps and out-of-office, and who is on each duty (triage desk, first line, on call, second line)
 * now or at any time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rotas")
package org.firstline.rota;
