package io.identities.simulator.linkedin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for LinkedIn over HTTP: its web sign-in ({@link Login}: {@code /checkpoint/lg/...},
 * {@code /checkpoint/challenge/...}), its Voyager API ({@link Voyager}: {@code /voyager/api/...})
 * and the simulator's own controls ({@link Controls}: {@code /simulator/...}), over a world of
 * {@link Member members}: the accounts that sign in and the {@link DemoPeople}.
 *
 * <p>Tests in this JVM drive it with the methods below: {@code email} is an account's login email
 * (case-insensitive), {@code slug} a member's public identifier. An unknown email, slug or
 * invitation throws {@link NoSuchElementException}.
 */
public final class LinkedInSimulator implements AutoCloseable {

  private static final Pattern PLUS_ADDRESS = Pattern.compile("([^+@]+)\\+([a-z0-9-]+)@(.+)");

  static {
    // Answer without waiting for the client's delayed ACK (Nagle): ~50 ms a call otherwise. Read
    // when the JDK's HTTP server is first used in this JVM.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** LinkedIn's invitation ids are 19-digit numbers; the simulator counts up from this one. */
  private static final long FIRST_INVITATION_ID = 7254181236677029888L;

  private final Accounts accounts = new Accounts();
  private final Members members = new Members();
  private final Sessions sessions = new Sessions();
  private final AtomicLong invitationIds = new AtomicLong(FIRST_INVITATION_ID);
  private volatile Clock clock = Clock.systemUTC();
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final HttpServer server;

  /** The accounts, among the {@link DemoPeople}; every account starts connected to Grace Hopper. */
  public LinkedInSimulator(int port, List<Account> accounts) {
    DemoPeople.all().forEach(members::add);
    accounts.forEach(this::add);
    this.accounts.admitting(this::likeADemoAccount);
    Login login = new Login(this.accounts, sessions);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    route(CheckpointPages.SIGN_IN, login::signInPage);
    route(CheckpointPages.SIGN_IN_SUBMIT, login::submit);
    route(CheckpointPages.CHALLENGE, login::challengePage);
    route(CheckpointPages.VERIFY, login::verify);
    route(CheckpointPages.RESEND, login::resend);
    route("/voyager/api/", new Voyager(this.accounts, members, sessions, this::now)::handle);
    route("/sales-api/", new SalesApi(this.accounts, members, sessions, this::now)::handle);
    route("/simulator/", new Controls(this, login)::handle);
    server.start();
  }

  /** Runs the simulator: {@code <port> [accounts.json]}, the {@link DemoAccounts} by default. */
  public static void main(String[] args) throws IOException {
    List<Account> accounts =
        args.length > 1
            ? Arrays.asList(
                Json.MAPPER.readValue(Files.readAllBytes(Path.of(args[1])), Account[].class))
            : DemoAccounts.all();
    LinkedInSimulator simulator = new LinkedInSimulator(Integer.parseInt(args[0]), accounts);
    System.out.println(
        "LinkedIn simulator on http://127.0.0.1:"
            + simulator.port()
            + " with "
            + accounts.size()
            + " accounts and "
            + DemoPeople.all().size()
            + " other members");
  }

  /** The member id LinkedIn shows for a slug: "ACoAA" and 20 hex digits of SHA-256(slug). */
  public static String memberId(String slug) {
    return Member.idFor(slug);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /**
   * Adds the account (or replaces the one with its email), as a member too: its slug is its public
   * identifier. It starts connected to Grace Hopper, since a year.
   */
  public void add(Account account) {
    Member member =
        Member.of(
            account.publicIdentifier(),
            account.firstName(),
            account.lastName(),
            account.headline(),
            null,
            null,
            Member.Distance.DISTANCE_2);
    members.add(member);
    Network network =
        new Network(member, members, account.salesNavigator(), invitationIds::incrementAndGet);
    members
        .bySlug(DemoPeople.GRACE_HOPPER)
        .ifPresent(
            grace ->
                network.connect(
                    grace.memberId(), now().atZone(ZoneOffset.UTC).minusYears(1).toInstant()));
    accounts.put(new AccountState(account, member, network, new Switches(), new Activity()));
  }

  /**
   * For {@code <name>+<tag>@<domain>}, where {@code <name>@<domain>} is an account, a new account
   * like that one (its password, its two-step verification, its profile) but a LinkedIn member of
   * its own, {@code <its slug>-<tag>}: so each test or walk-through may connect an account of its
   * own that signs in as a demo account does (a LinkedIn account is connected to one identity at a
   * time).
   */
  private synchronized Optional<AccountState> likeADemoAccount(String email) {
    Matcher plus = PLUS_ADDRESS.matcher(email.toLowerCase(Locale.ROOT));
    if (!plus.matches()) {
      return Optional.empty();
    }
    if (accounts.known(email).isPresent()) {
      return accounts.known(email);
    }
    return accounts
        .known(plus.group(1) + "@" + plus.group(3))
        .map(
            demo -> {
              Account like = demo.account();
              add(
                  new Account(
                      email.toLowerCase(Locale.ROOT),
                      like.password(),
                      like.twoStep(),
                      like.pin(),
                      like.totpSecret(),
                      like.captcha(),
                      like.salesNavigator(),
                      like.firstName(),
                      like.lastName(),
                      like.headline(),
                      like.publicIdentifier() + "-" + plus.group(2)));
              return accounts.known(email).orElseThrow();
            });
  }

  /** Adds the member, or replaces the one with the same slug. */
  public void addMember(Member member) {
    members.add(member);
  }

  /** The member with that slug; a {@code lead-} slug makes one up. */
  public Optional<Member> member(String slug) {
    return members.bySlug(slug);
  }

  /**
   * The clock for every time LinkedIn records: invitations' sentTime, connections' createdAt, the
   * 3-week resend cooldown, the 7-day invitation window, automatic acceptances and the month of the
   * note quota. System UTC by default.
   */
  public void useClock(Clock clock) {
    this.clock = clock;
  }

  /** The member with that slug accepts the account's pending invitation: connected from now. */
  public void accept(String email, String slug) {
    network(email).accept(person(slug).memberId(), now());
  }

  /**
   * An invitation the account sends on LinkedIn itself (not through the API), with LinkedIn's
   * checks and limits.
   *
   * @param note null for none
   * @return its invitationId
   * @throws LinkedInError.Refused when LinkedIn refuses it ({@code CANT_RESEND_YET}, ...)
   */
  public String inviteByHand(String email, String slug, String note) {
    return network(email).invite(person(slug).memberId(), note, now()).invitationId();
  }

  /** The account withdraws its pending invitation to the member on LinkedIn itself. */
  public void withdrawByHand(String email, String slug) {
    network(email).withdrawTo(person(slug).memberId(), now());
  }

  /** While restricted, every Voyager call of the account answers 403 ACCOUNT_RESTRICTED. */
  public void restrict(String email, boolean restricted) {
    accounts.get(email).switches().restrict(restricted);
  }

  /**
   * The account's next {@code calls} Voyager calls answer {@code status}: 429 (rate limited) or 999
   * (LinkedIn's anti-bot block, empty body).
   */
  public void throttle(String email, int calls, int status) {
    accounts.get(email).switches().throttle(calls, status);
  }

  /** How many invitations the account may send in any 7 days (100 by default). */
  public void weeklyInvitationLimit(String email, int limit) {
    network(email).weeklyInvitationLimit(limit);
  }

  /**
   * How many invitations with a note the account may send per calendar month (UTC), premium or not
   * (by default 5 for free accounts, unlimited with Sales Navigator).
   */
  public void noteQuota(String email, int quota) {
    network(email).noteQuota(quota);
  }

  /** Every invitation the account sent, in the order sent. */
  public List<Invitation> invitations(String email) {
    return network(email).invitations(now());
  }

  /** Every message the account sent, in the order sent. */
  public List<Message> messages(String email) {
    return network(email).messages();
  }

  /** How many profiles the account's sessions read through Voyager. */
  public int profileViews(String email) {
    return accounts.get(email).activity().profileViews();
  }

  /** How many profiles the account's sessions read in Sales Navigator (its scrapings). */
  public int leadViews(String email) {
    return accounts.get(email).activity().leadViews();
  }

  /** Every Voyager call of the account's sessions, in order. */
  public List<VoyagerCall> voyagerCalls(String email) {
    return accounts.get(email).activity().calls();
  }

  /** The member behind a session cookie, while the session is valid. */
  public Optional<String> sessionOwner(String liAt) {
    return sessions.owner(liAt);
  }

  /** Ends every session of the member, as a password change or a logout elsewhere does. */
  public void revokeSessions(String email) {
    sessions.revoke(email);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdown();
  }

  private Instant now() {
    return clock.instant();
  }

  private Network network(String email) {
    return accounts.get(email).network();
  }

  private Member person(String slug) {
    return members.bySlug(slug).orElseThrow(() -> new NoSuchElementException("no member " + slug));
  }

  /**
   * Serves the paths under {@code prefix}: LinkedIn's refusals become their answers, anything else
   * going wrong a 500 (and the log).
   */
  private void route(String prefix, Function<Request, Reply> handler) {
    server.createContext(
        prefix,
        exchange -> {
          try (exchange) {
            Reply reply;
            try {
              reply = handler.apply(Request.of(exchange));
            } catch (LinkedInError.Refused refused) {
              reply = Reply.of(refused.error());
            } catch (RuntimeException e) {
              System.getLogger(LinkedInSimulator.class.getName())
                  .log(Level.ERROR, "the simulator failed on " + exchange.getRequestURI(), e);
              reply = Reply.json(500, Json.object("status", 500, "message", e.toString()));
            }
            reply.send(exchange);
          }
        });
  }
}
