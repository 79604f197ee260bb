package org.firstline.rota.web;

import org.firstline.rota.OnCallRequests;
import org.firstline.rota.OutOfOffice;
import org.firstline.rota.RotaFairness;
import org.firstline.rota.RotaOverrides;
import org.firstline.rota.RotaPublishing;
import org.firstline.rota.RotaSwaps;
import org.springframework.stereotype.Component;

/** The lists a rota page shows beside its calendar. */
@Component
record RotaPageLists(
        RotaPublishing publishing,
        RotaSwaps swaps,
        RotaOverrides overrides,
        RotaFairness fairness,
        OnCallRequests onCall,
        OutOfOffice outOfOffice) {}
