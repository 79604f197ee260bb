package org.firstline.demo;

import org.firstline.knowledge.ArticleCategories;
import org.firstline.knowledge.ArticleForm;
import org.firstline.knowledge.Articles;
import org.firstline.knowledge.CategoryForm;
import org.firstline.knowledge.Visibility;
import org.firstline.platform.AgentAccounts;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A small knowledge base for the demo: public how-tos for customers and internal runbooks for agents. */
@Component
class DemoKnowledge {
    private final Articles articles;
    private final ArticleCategories categories;
    private final JdbcClient jdbc;
    private final AgentAccounts accounts;

    DemoKnowledge(Articles articles, ArticleCategories categories, JdbcClient jdbc, AgentAccounts accounts) {
        this.articles = articles;
        this.categories = categories;
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Writes the articles; returns the password article's id, for the form's deflection rule. */
    @Nullable
    Long create() {
        var author = jdbc.sql("select id from agent where role = 'AGENT' and active order by id limit 1")
                .query(Long.class)
                .optional()
                .flatMap(accounts::principal)
                .orElse(null);
        if (author == null) return null;
        long signIn =
                categories.create(new CategoryForm("Accounts and sign-in", 1)).id();
        long domains = categories.create(new CategoryForm("Domains and DNS", 2)).id();
        long billing = categories.create(new CategoryForm("Billing", 3)).id();
        long runbooks = categories.runbooks().id();
        long password = articles.create(
                        new ArticleForm("Resetting your password", """
                                Forgot your password, or locked out after too many tries? You can reset it yourself.

                                1. Open the sign-in page and choose **Forgot password?**
                                2. Enter the address you sign in with. We send a link that works for **30 minutes**.
                                3. Open the link and choose a new password of at least 12 characters.

                                After five wrong passwords the account is locked for 15 minutes; a reset unlocks it at once.

                                **Signing in with your company's single sign-on?** Your password is kept by your company:
                                ask your IT team to reset it.
                                """, Visibility.PUBLIC, signIn, null, null), author)
                .id();
        articles.create(
                new ArticleForm("Turning on two-factor authentication", """
                Two-factor authentication asks for a code from your phone as well as your password.

                1. Go to **Settings → Security** and choose **Turn on two-factor authentication**.
                2. Scan the QR code with an authenticator app (any app that supports TOTP).
                3. Enter the six-digit code to confirm, then **save your recovery codes** somewhere safe.

                Lost your phone? Sign in with a recovery code and set up the new phone from the same page.
                """, Visibility.PUBLIC, signIn, null, null),
                author);
        articles.create(
                new ArticleForm("Pointing your custom domain at us", """
                To serve your site on your own domain, add these DNS records at your domain's registrar:

                | Type  | Name | Value                 |
                |-------|------|-----------------------|
                | CNAME | www  | edge.example.net      |
                | A     | @    | 203.0.113.10          |

                Changes take up to 24 hours to reach every resolver, usually under one. Until then some visitors see
                a "domain not found" error. Check the records with `dig www.yourdomain.com` from a terminal.
                """, Visibility.PUBLIC, domains, null, null),
                author);
        articles.create(
                new ArticleForm("Understanding your invoice", """
                Invoices are issued on the first working day of the month for the month ahead.

                - **Seats** are billed for the month ahead; seats added mid-month are billed pro rata on the next invoice.
                - **Usage** (storage above your plan, extra builds) is billed for the month behind.
                - VAT is added for customers in the EU without a VAT number on file.

                Download past invoices from **Settings → Billing**. To change the billing address or the VAT number,
                edit it there before the first of the month.
                """, Visibility.PUBLIC, billing, null, null), author);
        articles.create(
                new ArticleForm("Refunds and goodwill credits", """
                For agents. Customers never see this page.

                - Goodwill credit up to one month of the customer's plan: any agent, noted on the ticket.
                - Above that, or a refund to the card: the account manager approves on the ticket first.
                - Never promise a refund in a reply before it is approved.
                """, Visibility.INTERNAL, billing, null, null), author);
        articles.create(
                new ArticleForm("Runbook: mail intake stops", """
                **Symptom:** no new tickets from mail for 15 minutes on a working day; the mailbox page shows an error.

                1. Open **Admin → Mailboxes** and read the last error of each mailbox.
                2. `AUTHENTICATIONFAILED`: the mailbox password changed. Ask IT for the new one and save it there.
                3. Timeouts: check the provider's status page; intake catches up by itself once it answers.
                4. Still stuck after 30 minutes: declare an incident and post to the status page.
                """, Visibility.INTERNAL, runbooks, null, null), author);
        articles.create(
                new ArticleForm("Runbook: database fails over", """
                **Symptom:** the desk answers 503 for a minute, then works again.

                1. Confirm on the database dashboard that the replica was promoted.
                2. Check that mail sending resumed: **Admin → Mailboxes** shows no queued replies older than 5 minutes.
                3. Post an internal incident update with the time of the failover.
                """, Visibility.INTERNAL, runbooks, null, null),
                author);
        return password;
    }
}
