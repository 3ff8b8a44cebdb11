"""Search quality of ``search_operations`` alone, quickly, for work on the method.

Run by hand::

    python benchmarks/search_quality.py [--sets tuned,dev] [--apis github,stripe] [--misses]
                                        [--framings] [--wrappings] [--search hybrid|lexical]

Generates each API's discovery-mode project (``--tools-mode discovery``) into a temporary
folder, then ranks every request of the chosen query sets with
``mcpgen.runtime.search.Index`` over its ``search.json``, and prints Recall@1, Recall@5
and MRR beside plain BM25, as ``benchmarks/large.py`` computes them. The sets:

- ``tuned``: ``benchmarks/queries/*.json``, the first set, the method was tuned on it;
- ``dev``: ``benchmarks/queries/dev/*.json``, written apart from the method and from the
  first set, also for tuning, and with APIs beyond the three of ``large.py`` (Asana,
  Twilio, GitLab, Google Drive, Square, Mailchimp, Microsoft Graph and Google Compute
  Engine from APIs.guru's directory; later Gitea, Bitbucket, DigitalOcean, Linode and
  NetBox, 40 requests each, written blind to the method from a listing of the operations);
- ``dev2``: ``benchmarks/queries/dev2/*.json``, 60 more requests each for GitHub, Stripe
  and Kubernetes, written blind like ``dev`` from a listing of the operations, for
  tuning;
- ``dev3``: ``benchmarks/queries/dev3/*.json``, 50 requests each for four APIs no other
  set has (SendGrid, Trello, Vercel and Xero's accounting API, from APIs.guru's
  directory), written blind like ``dev``, for tuning;
- ``dev4``: ``benchmarks/queries/dev4/*.json``, 50 requests each for four more APIs no
  other set has (Zuora's billing API, Vimeo, Telnyx and Magento, from APIs.guru's
  directory), written blind like ``dev``, for tuning;
- ``dev5``: ``benchmarks/queries/dev5/*.json``, 50 requests each for four more APIs no
  other set has (Keycloak's admin API, Jellyfin, Amazon EC2 and Plaid, from APIs.guru's
  directory), written blind like ``dev``, for tuning;
- ``dev6``: ``benchmarks/queries/dev6/*.json``, 50 requests each for four more (Azure's
  App Service web apps, Amazon IAM, Mist and App Center, from APIs.guru's directory),
  written blind like ``dev``, for tuning;
- ``dev7``: ``benchmarks/queries/dev7/*.json``, 40 requests each for four APIs people
  often want as MCP servers (Gmail, Google Calendar, YouTube and Twitter's v2, from
  APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev8``: ``benchmarks/queries/dev8/*.json``, 50 requests each for four more (Autotask's
  2,958-operation PSA API, Amazon RDS, Files.com and App Store Connect, from APIs.guru's
  directory), written blind like ``dev``, for tuning;
- ``dev9``: ``benchmarks/queries/dev9/*.json``, 50 requests each for four more from other
  fields (bunq's banking API, Cisco Meraki's dashboard, DrChrono's health records and
  PeerTube, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev10``: ``benchmarks/queries/dev10/*.json``, 50 requests each for four more (Trakt's
  film and TV tracking, Amazon SageMaker, ClickSend's messaging and DRACOON's file
  sharing, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev11``: ``benchmarks/queries/dev11/*.json``, 50 requests each for four more (Mastodon,
  InfluxDB 2, Google Workspace's Admin SDK directory and Amazon Systems Manager, from
  APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev12``: ``benchmarks/queries/dev12/*.json``, 50 requests each for four more
  (LaunchDarkly's feature flags, Hetzner Cloud, Spotify and PayRun.io's payroll, from
  APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev13``: ``benchmarks/queries/dev13/*.json``, 50 requests each for four more (Clever
  Cloud's hosting, Orthanc's DICOM server, AWS IoT Core and OSIsoft's PI Web API, from
  APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev14``: ``benchmarks/queries/dev14/*.json``, 50 requests each for four more (Rubrik's
  backup platform, EVE Online's ESI, XTRF's translation management and GSMtasks' field
  service, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev15``: ``benchmarks/queries/dev15/*.json``, 50 requests each for four more (the
  Docker Engine, Adyen's Management API, Amazon S3 and Apacta's construction management,
  from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev16``: ``benchmarks/queries/dev16/*.json``, 50 requests each for four more (AWS
  Lambda, the Postman API, API2CRM's unified CRM and HERE Tracking, from APIs.guru's
  directory), written blind like ``dev``, for tuning;
- ``dev17``: ``benchmarks/queries/dev17/*.json``, 50 requests each for four more (Amazon
  Connect's contact center, Twilio Conversations, Google Cloud Storage and BeezUP's
  marketplace feeds, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev18``: ``benchmarks/queries/dev18/*.json``, 50 requests each for four more (AWS Glue,
  MotaWord's translation service, ClearBlade's IoT platform and brex.io's company
  registers, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev19``: ``benchmarks/queries/dev19/*.json``, 50 requests each for four more (AWS
  CloudFormation, Google's Content API for Shopping, Reverb's music-gear marketplace and
  Visma.net's ERP, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev20``: ``benchmarks/queries/dev20/*.json``, 50 requests each for four more (Amazon
  Lightsail, Amazon Cognito's user pools, the Telegram Bot API and Google's Campaign
  Manager 360 reporting API, from APIs.guru's directory), written blind like ``dev``, for
  tuning;
- ``dev21``: ``benchmarks/queries/dev21/*.json``, 50 requests each for four more (Amazon
  SES v2, Amazon Route 53, the Open Science Framework and VTEX's catalog, from APIs.guru's
  directory), written blind like ``dev``, for tuning;
- ``dev22``: ``benchmarks/queries/dev22/*.json``, 50 requests each for four more (Amazon
  CloudFront, Amazon SNS, Google's Vertex AI and Loket.nl's payroll, from APIs.guru's
  directory), written blind like ``dev``, for tuning;
- ``dev23``: ``benchmarks/queries/dev23/*.json``, 50 requests each for four more (Amazon
  API Gateway, Amazon ElastiCache, UniCourt's court data and Amazon Pinpoint, from
  APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev24``: ``benchmarks/queries/dev24/*.json``, 50 requests each for four more (the
  Increase banking API, the Stack Exchange API, Akeneo's product information management
  and Amazon Redshift, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev25``: ``benchmarks/queries/dev25/*.json``, 50 requests each for four more
  (Figshare's research repository, Jumpseller's online shops, Codat's accounting API and
  the Alerter System API, from APIs.guru's directory), written blind like ``dev``, for
  tuning;
- ``dev26``: ``benchmarks/queries/dev26/*.json``, 50 requests each for four more
  (Salesloft's sales engagement, Snyk's security scans, Apache Airflow and Discourse's
  forums, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev27``: ``benchmarks/queries/dev27/*.json``, 50 requests each for four more
  (Appwrite's server API, Mux's video API, ShipEngine's shipping and Lucidtech's document
  AI, whose summaries only repeat the method and path, from APIs.guru's directory),
  written blind like ``dev``, for tuning;
- ``dev28``: ``benchmarks/queries/dev28/*.json``, 50 requests each for four more (Apache
  Superset, the Anchore Engine, VictorOps's incident management and Meilisearch, from
  APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev29``: ``benchmarks/queries/dev29/*.json``, 50 requests each for four more
  (Mandrill's transactional email, SwaggerHub's registry, Stream's chat API and Avaza's
  projects and timesheets, from APIs.guru's directory), written blind like ``dev``, for
  tuning;
- ``dev30``: ``benchmarks/queries/dev30/*.json``, 50 requests each for four more
  (Shutterstock, CallFire's calls and texts, ConfigCat's feature flags and Twilio
  TaskRouter, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev31``: ``benchmarks/queries/dev31/*.json``, 50 requests each for four more (Visma
  e-conomic's bookkeeping, Velo Payments' payouts, Wowza Streaming Cloud and Billbee's
  order management, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev32``: ``benchmarks/queries/dev32/*.json``, 50 requests each for four more (Visual
  Studio Online's Codespaces plans, whose summaries only repeat the method and path;
  VMware vRealize Network Insight, Amazon QuickSight and Google's Apigee, from APIs.guru's
  directory), written blind like ``dev``, for tuning;
- ``dev33``: ``benchmarks/queries/dev33/*.json``, 50 requests each for four more (Bungie.net,
  API2Cart's shopping-cart bridge, OnSched's scheduling setup and Amazon Chime, from
  APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev34``: ``benchmarks/queries/dev34/*.json``, 50 requests each for four more (Azure
  Service Fabric, LUIS authoring, Rudder's configuration management and Probely's web
  scanner, from APIs.guru's directory), written blind like ``dev``, for tuning;
- ``dev35``: ``benchmarks/queries/dev35/*.json``, 50 requests each for four more (Amazon
  EC2 Auto Scaling, Amazon Neptune, IllumiDesk and Azure DevTest Labs, from APIs.guru's
  directory), written blind like ``dev``, for tuning;
- ``dev36``: ``benchmarks/queries/dev36/*.json``, 50 requests each for four more (AGCO's
  dealer API, the Monarch Initiative's BioLink API, VocaDB, whose summaries only repeat the
  method and path, and Amazon SES, from APIs.guru's directory), written blind like ``dev``,
  measured after every change before it;
- ``dev37``: ``benchmarks/queries/dev37/*.json``, 50 requests each for four more
  (Advicent's FactFinder, Circuit's messaging, BritBox's streaming service and Gambit's
  MIMIC network simulator, from APIs.guru's directory), written blind like ``dev``,
  measured after every change before it;
- ``dev38`` and ``dev39``: ``benchmarks/queries/dev38/*.json`` and ``dev39/*.json``, 50
  requests each for four APIs the validation set has too (DocuSign and Zoom; Jira and
  Microsoft Graph), written blind like ``dev`` from listings of the operations, weighted
  toward what people most often ask of them, for tuning;
- ``dev40`` to ``dev43``: ``benchmarks/queries/dev40/*.json`` to ``dev43/*.json``, 50
  requests each for sixteen more (Visma's Severa, Azure Compute, the Google Play Developer
  API and AWS CodeCommit; Amazon WorkMail, Flat, Just Eat and Spoonacular; Google
  Analytics' management API, Azure Key Vault, SIGNL4 and Amazon GameLift; ClickMeter,
  Etherpad, the Open Build Service and Transport for London, from APIs.guru's directory),
  written blind like ``dev``, measured before any change for them;
- ``dev44``: ``benchmarks/queries/dev44/*.json``, 50 requests each for two more APIs the
  validation set has too (Box and Slack), weighted like ``dev38``, for tuning;
- ``dev45`` to ``dev48``: ``benchmarks/queries/dev45/*.json`` to ``dev48/*.json``, 50
  requests each for sixteen more (eBay's marketing API, Google Classroom, AWS Backup and
  Combell's hosting; Adafruit IO, Traccar, Amazon GuardDuty and Yodlee; Azure Service Bus,
  Google Kubernetes Engine, Amazon Athena and BigOven; Amazon CloudWatch, Azure Batch, the
  BBC's radio and music services and The Blue Alliance, from APIs.guru's directory),
  written blind like ``dev``, measured before any change for them;
- ``dev49`` to ``dev51``: ``benchmarks/queries/dev49/*.json`` to ``dev51/*.json``, 50
  requests each for Microsoft Graph (its mail, calendars, contacts, To Do and OneNote; its
  files, SharePoint sites and lists, Teams, chats and Planner; its users, groups, roles,
  applications, sign-in logs, security and Intune devices), with one more set each for
  Zoom, DocuSign and Jira weighted like ``dev38``, written blind like ``dev`` from listings
  of the operations, measured before any change for them;
- ``dev52`` to ``dev54``: ``benchmarks/queries/dev52/*.json`` to ``dev54/*.json``, 50
  requests each for Box and Asana, Slack and Trello, GitLab and Bitbucket, weighted toward
  what a team does with the product every day, written blind like ``dev`` from listings of
  the operations, measured before any change for them;
- ``dev55`` to ``dev57``: ``benchmarks/queries/dev55/*.json`` to ``dev57/*.json``, 50
  requests each for Adyen's Management API and a self-hosted Jira server's, AWS Elastic
  Beanstalk and Apideck's HRIS API, Airbyte's configuration API and Big Red Cloud's
  accounting API, weighted like ``dev52``, written blind like ``dev`` from listings of the
  operations, measured before any change for them;
- ``dev58`` to ``dev60``: ``benchmarks/queries/dev58/*.json`` to ``dev60/*.json``, 50
  requests each for Svix (webhook sending) and ExaVault (hosted file transfer), Amazon ECS
  and Apideck's CRM API, GoDaddy's domains API and Amazon DynamoDB, weighted like
  ``dev52``, written blind like ``dev`` from listings of the operations, measured before
  any change for them;
- ``dev61`` to ``dev63``: ``benchmarks/queries/dev61/*.json`` to ``dev63/*.json``, 50
  requests each for Vercel again and Sinao (invoicing for small businesses), Big Red Cloud
  again and Azure's networking API, Otoroshi (an API gateway's administration) and Fisheye and
  Crucible, weighted like ``dev52``, written blind like ``dev`` from listings of the
  operations, measured before any change for them;
- ``dev64`` to ``dev66``: ``benchmarks/queries/dev64/*.json`` to ``dev66/*.json``, 50
  requests each for Amazon CloudWatch Logs and Azure Cosmos DB, Amazon SQS and Google's
  People API, AWS Organizations and Azure Logic Apps, weighted like ``dev52``, written
  blind like ``dev`` from listings of the operations, measured before any change for them;
- ``dev67`` to ``dev70``: ``benchmarks/queries/dev67/*.json`` to ``dev70/*.json``, 50
  requests each for PocketSmith (personal budgeting) and SoundCloud, AppVeyor (hosted CI)
  and Apideck's accounting API, iQualify (online courses) and Google Tag Manager,
  GererMesAffaires (paperwork of a small business or household) and Rumble (network asset
  inventory), weighted like ``dev52``, written blind like ``dev`` from listings of the
  operations, measured before any change for them;
- ``dev71`` to ``dev74``: ``benchmarks/queries/dev71/*.json`` to ``dev74/*.json``, 50
  requests each for Google Cloud SQL's admin API and Twilio Verify, Google My Business and
  AWS KMS, Amazon EventBridge and envoice (invoicing), Getty Images and redirection.io
  (a website's redirects), weighted like ``dev52``, written blind like ``dev`` from listings
  of the operations, measured before any change for them;
- ``dev75`` to ``dev78``: ``benchmarks/queries/dev75/*.json`` to ``dev78/*.json``, 50
  requests each for Amazon API Gateway v2 and Meshery (a cloud-native management plane),
  Azure's Billing API and Appwrite's client API, Twilio's Programmable Chat and api.video,
  AWS CodeBuild and Google App Engine's Admin API, weighted like ``dev52``, written blind
  like ``dev`` from listings of the operations, measured before any change for them;
- ``dev79`` to ``dev82``: ``benchmarks/queries/dev79/*.json`` to ``dev82/*.json``, 50
  requests each for the WhatsApp Business API and Google Books, Azure Resource Manager and
  Amazon WorkSpaces, AWS Config and AWS CodeDeploy, Google's Content API for Shopping and
  Twilio Flex, weighted like ``dev52``, written blind like ``dev`` from listings of the
  operations, measured before any change for them;
- ``dev83`` to ``dev86``: ``benchmarks/queries/dev83/*.json`` to ``dev86/*.json``, 50
  requests each for AWS Elastic Load Balancing v2 and PandaScore's esports data, Amazon ECR
  and Apideck's point-of-sale API, Google Cloud Logging and Twilio Messaging Services,
  Dialogflow and the Federal Election Commission's OpenFEC, weighted like ``dev52``,
  written blind like ``dev`` from listings of the operations, measured before any change
  for them;
- ``dev87`` to ``dev90``: ``benchmarks/queries/dev87/*.json`` to ``dev90/*.json``, 50
  requests each for NetBox (network inventory; the demo instance's document, not
  ``netbox``'s) and Twilio Sync, Amazon Rekognition and Google Cloud DNS, Google Cloud
  SQL's Admin API (its v1beta4 document; ``sqladmin``'s is v1) and CloudWatch Events
  (EventBridge's older API, not ``eventbridge``'s), Amazon WorkDocs and AWS Security Hub,
  weighted like ``dev52``, written blind like ``dev`` from listings of the operations,
  measured before any change for them;
- ``dev91`` to ``dev94``: ``benchmarks/queries/dev91/*.json`` to ``dev94/*.json``, 50
  requests each for YNAB (budgeting) and Amazon Comprehend, Postmark (one server's
  transactional email) and AWS Database Migration Service, Docker Hub and Google Play EMM
  (Android Enterprise), Braze and Azure Data Factory, weighted like ``dev52``, written
  blind like ``dev`` from listings of the operations, measured before any change for them;
- ``dev95`` to ``dev98``: ``benchmarks/queries/dev95/*.json`` to ``dev98/*.json``, 50
  requests each for Google BigQuery and Amazon EKS, AWS Step Functions and AWS CloudTrail,
  Amazon DocumentDB and Amazon Kendra, Azure API Management (its APIs document) and the
  Google Cloud Healthcare API, weighted like ``dev52``, written blind like ``dev`` from
  listings of the operations, measured before any change for them;
- ``dev99`` to ``dev102``: ``benchmarks/queries/dev99/*.json`` to ``dev102/*.json``, 50
  requests each for AWS Secrets Manager and AWS CodePipeline, Amazon EFS and Google Chat,
  Azure Event Hubs and Google Cloud Identity, AWS AppSync and Amazon Kinesis Data
  Streams, weighted like ``dev52``, written blind like ``dev`` from listings of the
  operations, measured before any change for them;
- ``dev103`` to ``dev106``: ``benchmarks/queries/dev103/*.json`` to ``dev106/*.json``, 50
  requests each for AWS WAF (v2) and Google Cloud Spanner, Azure App Service and AWS
  Amplify Hosting, GoTo Webinar and the DEV Community (Forem) API, Google Cloud KMS and
  AWS App Runner, weighted like ``dev52``, written blind like ``dev`` from listings of the
  operations, measured before any change for them;
- ``dev107`` to ``dev110``: ``benchmarks/queries/dev107/*.json`` to ``dev110/*.json``, 50
  requests each for Twilio Video and Twilio Serverless, eBay's Sell Account API and the
  Apicurio Registry, Apideck's file storage API and CyberArk Conjur, WireMock's admin API
  and Adyen's Balance Platform configuration API, weighted like ``dev52``, written blind
  like ``dev`` from listings of the operations, measured before any change for them;
- ``dev111`` to ``dev114``: ``benchmarks/queries/dev111/*.json`` to ``dev114/*.json``, 50
  requests each for AWS Transfer Family and Google Cloud Dataproc, Azure Container
  Registry and Amazon MemoryDB, AWS CodeArtifact and Google Vault, Google Cloud Deploy and
  AWS Resource Access Manager, weighted like ``dev52``, written blind like ``dev`` from
  listings of the operations, measured before any change for them;
- ``dev115`` to ``dev118``: ``benchmarks/queries/dev115/*.json`` to ``dev118/*.json``, 50
  requests each for AWS DataSync and Google Cloud Dataflow, Amazon Location Service and
  Clever, Amazon OpenSearch Service and Amazon Macie, AWS Network Firewall and VTEX's
  Checkout API, weighted like ``dev52``, written blind like ``dev`` from listings of the
  operations, measured before any change for them;
- ``dev119`` to ``dev122``: ``benchmarks/queries/dev119/*.json`` to ``dev122/*.json``, 50
  requests each for Amazon FSx and Route 53 Resolver, Google Cloud Retail and Amazon
  Personalize, AWS Device Farm and TVmaze, Amazon Transcribe and AWS Lake Formation,
  weighted like ``dev52``, written blind like ``dev`` from listings of the operations after
  every change of session 62, measured with the search from before and after them;
- ``dev123`` to ``dev126``: ``benchmarks/queries/dev123/*.json`` to ``dev126/*.json``, 50
  requests each for AWS Service Catalog and Storage Gateway, Amazon AppStream 2.0 and Lex
  V2 model building, AWS OpsWorks Stacks and IoT SiteWise, AWS Proton and Azure Site
  Recovery, weighted like ``dev52``, written blind like ``dev`` from listings of the
  operations before any change of session 63; read, like ``validation``, only as totals
  while that session's changes were weighed;
- ``dev127`` to ``dev130``: ``benchmarks/queries/dev127/*.json`` to ``dev130/*.json``, 50
  queries each for GoTo Webinar and Postmark, Docker Hub and YNAB, NetBox and Braze, Google
  Chat and AWS Secrets Manager, written blind from listings of the operations as an AI
  agent would pass them to ``search_operations``: terse keywords, short phrases and noun
  phrases in the agent's own words rather than a user's sentences;
- ``dev134``: ``benchmarks/queries/dev134/*.json``, 60 requests each for Kubernetes and
  GitHub, written blind as engineers and agents write them: commands they would type,
  terse, questions, context first, operators' jargon;
- ``dev135``: ``benchmarks/queries/dev135/*.json``, 60 requests each for Stripe, Jira and
  Microsoft Graph, written blind in six styles, ten each: queries an agent types, chat
  requests with concrete values, goals that do not name the operation, corrections ("don't
  delete the user, just stop them signing in"), questions, and a sentence or two of
  context first;
- ``dev136``: ``benchmarks/queries/dev136/*.json``, 50 requests each for Budgea (open
  banking), Google Wallet, Slicebox (DICOM), Noosh (print procurement), AWS Network Manager
  and Chaingateway (blockchains), written blind in ``dev135``'s six styles; measured before
  any change for them: Recall@5 0.820, 0.680, 0.920, 0.900, 0.840 and 0.840;
- ``dev137``: ``benchmarks/queries/dev137/*.json``, 50 requests each for IX-API (internet
  exchange services), AWS HealthOmics, OpenChannel's app marketplace, eDRV's EV charging,
  a film and TV database (Shinobi) and smart-me's energy meters, written blind in
  ``dev135``'s six styles; measured before any change for them: Recall@5 0.840, 0.900,
  0.880, 0.780, 0.800 and 0.840;
- ``dev138``: ``benchmarks/queries/dev138/*.json``, 50 requests each for Atlassian
  Crucible (code review), AWS IoT Wireless, Amazon Fraud Detector, Marketcheck's car
  listings, Twine Health (care plans) and College Football Data, written blind in
  ``dev135``'s six styles; measured before any change for them: Recall@5 0.800, 0.900,
  0.800, 0.860, 0.940 and 0.900;
- ``dev139``: ``benchmarks/queries/dev139/*.json``, 50 requests each for Netlify and
  Spotify in APIs.guru's documents (``netlifyguru``, ``sonallux``; the tuning sets have
  other requests for their other documents), Amazon Forecast, AWS Well-Architected Tool,
  Amazon Connect Customer Profiles and Threat Jammer (IP and domain reputation), written
  blind in ``dev135``'s six styles; measured before any change for them: Recall@5 0.780,
  0.720, 0.820, 0.760, 0.880 and 0.820;
- ``dev140``: ``benchmarks/queries/dev140/*.json``, 50 requests each for Amazon Chime SDK
  Messaging, Twilio Trust Hub, DaniWeb (a forum), Uebermaps, AWS RoboMaker and Watchful
  (website monitoring), written blind in ``dev135``'s six styles; measured before any
  change for them: Recall@5 0.720, 0.760, 0.660, 0.880, 0.920 and 0.840;
- ``dev141``: ``benchmarks/queries/dev141/*.json``, 50 requests each for Clubhouse (the
  audio chat app), Paylocity's payroll and HR, Learnifier's learning platform, AWS Direct
  Connect, AWS Cost Explorer and The Racing API, written blind in ``dev135``'s six styles;
  measured before any change for them: Recall@5 0.900, 0.880, 0.820, 0.880, 0.860 and
  0.760;
- ``dev142``: ``benchmarks/queries/dev142/*.json``, 50 requests each for Labs64
  NetLicensing (software licences), Pendo's product feedback, AWS Elastic Disaster
  Recovery, Handwrytten (handwritten cards), Amazon AppConfig and Fire's business banking,
  written blind in ``dev135``'s six styles; measured before any change for them: Recall@5
  0.760, 0.960, 0.880, 0.880, 0.880 and 0.880;
- ``dev143``: ``benchmarks/queries/dev143/*.json``, 50 requests each for the PowerDNS
  Authoritative server, the RAWG video games database, Adobe Experience Manager, AWS
  Directory Service, Amazon Inspector and Ideal Postcodes (UK addresses), written blind in
  ``dev135``'s six styles; measured before any change for them: Recall@5 0.720, 0.780,
  0.820, 0.940, 0.920 and 0.920;
- ``dev144``: ``benchmarks/queries/dev144/*.json``, 50 requests each for the OpenAI API,
  LetMC's letting agency API, Mailscript (programmable email), Twilio Proxy, AWS Systems
  Manager Incident Manager Contacts and Amazon CodeCatalyst, written blind in ``dev135``'s
  six styles; measured before any change for them: Recall@5 0.920, 0.900, 0.940, 0.920,
  0.800 and 0.980;
- ``dev145``: ``benchmarks/queries/dev145/*.json``, 50 requests each for TCGdex (trading
  card game data), the Instagram API, Amazon Route 53 Domains, Flickr, Microcks (API mocks
  and tests) and Frankie Financial (identity checks), written blind in ``dev135``'s six
  styles; measured before any change for them: Recall@5 0.840, 0.840, 0.920, 0.860, 0.840
  and 0.860;
- ``dev146``: ``benchmarks/queries/dev146/*.json``, 50 requests each for AWS Audit
  Manager, Google's Dataform API, Taxamo (sales tax), Azure CDN management, Twilio Chat
  and Amazon Pinpoint SMS Voice V2, written blind in ``dev135``'s six styles; measured
  before any change for them: Recall@5 0.840, 0.900, 0.840, 0.860, 0.940 and 0.860;
- ``dev147``: ``benchmarks/queries/dev147/*.json``, 50 requests each for Medium,
  GoToMeeting, Billingo (Hungarian invoicing), Nordigen (bank account data), Amazon VPC
  Lattice and AWS S3 Control, written blind in ``dev135``'s six styles; measured before
  any change for them: Recall@5 0.820, 0.940, 0.820, 0.820, 0.860 and 0.960;
- ``dev148``: ``benchmarks/queries/dev148/*.json``, 50 requests each for SportsDataIO's
  soccer statistics, LGTM (code analysis), ZoomConnect (SMS), Amazon Redshift Serverless,
  AWS Glue DataBrew and GeoDB Cities, written blind in ``dev135``'s six styles; measured
  before any change for them: Recall@5 0.840, 0.960, 0.860, 0.880, 0.880 and 0.900;
- ``dev149``: ``benchmarks/queries/dev149/*.json``, 50 requests each for Wikimedia's
  feeds, Channel 4's programmes, Public Transport Victoria's timetables, SureVoIP
  (telephony), Twilio Voice and the D&D 5e rules, written blind in ``dev135``'s six styles;
  measured before any change for them: Recall@5 0.880, 0.580, 0.900, 0.980, 0.900 and
  0.780;
- ``dev150``: ``benchmarks/queries/dev150/*.json``, 50 requests each for OpenAQ (air
  quality), the UK Parliament's Members API, Open Banking's Payment Initiation API, AWS
  Cloud Map, Google Pay Passes and Azure Database for MariaDB, written blind in
  ``dev135``'s six styles; measured before any change for them: Recall@5 0.800, 0.820,
  0.580, 0.900, 0.800 and 0.820;
- ``validation``: ``benchmarks/queries/validation/*.json``, written blind like ``dev``
  (GitHub, Stripe, Kubernetes and Figma from the corpus; Microsoft Graph, Jira, Slack,
  Zoom, DocuSign and Box from APIs.guru's directory, ``benchmarks/directory.py``), only
  to see whether a change that helps on the tuning sets generalises: its figures are
  read, its misses never;
- ``heldout``: ``benchmarks/queries/heldout/*.json``, never to tune with: ask for it only
  to report, once the method is settled.

- ``known``: known-item search, made from each generated project: every operation whose
  title no other operation has (at most ``KNOWN`` per API, evenly spread), its title as
  the request. The title is what a model has read in a listing or the API's own
  documentation and searches for again; it should come first.

``--misses`` lists the requests whose right answer is not in the top five, with what came
first (refused with ``validation`` and ``heldout``).

``--framings`` also ranks each command framed as people open or close one ("Hey, can
you please ...", "I'm trying to ...", "How do I ...?", "Show me how to ...", "Would it be
possible to ...?", "Quick one: ...", "... Thanks!";
``FRAMINGS``), which does not change what it asks: how far each framing's figures fall
below the set's as written is how much search depends on the request's opening.

``--wrappings`` does the same with 80 more ways of wrapping a command
(``queries/wrappings.json``: openers and closers, a sentence of context before or after,
developers' questions, chat shorthand, hedged requests), written apart from the method,
and prints how many top-five and first answers they cost in all against the set as
written, and the wrappings that cost most (80 searches per command: ask for a few sets).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mcpgen.runtime.search import Index  # type: ignore[import-not-found, unused-ignore]

from benchmarks.directory import document as directory_document
from benchmarks.large import (
    HELDOUT,
    QUERIES,
    TOP,
    Query,
    generate,
    load_queries,
    quality,
    rank,
    ranked,
)
from tests.corpus import corpus

SETS = {
    "tuned": QUERIES,
    "dev": QUERIES / "dev",
    "dev2": QUERIES / "dev2",
    "dev3": QUERIES / "dev3",
    "dev4": QUERIES / "dev4",
    "dev5": QUERIES / "dev5",
    "dev6": QUERIES / "dev6",
    "dev7": QUERIES / "dev7",
    "dev8": QUERIES / "dev8",
    "dev9": QUERIES / "dev9",
    "dev10": QUERIES / "dev10",
    "dev11": QUERIES / "dev11",
    "dev12": QUERIES / "dev12",
    "dev13": QUERIES / "dev13",
    "dev14": QUERIES / "dev14",
    "dev15": QUERIES / "dev15",
    "dev16": QUERIES / "dev16",
    "dev17": QUERIES / "dev17",
    "dev18": QUERIES / "dev18",
    "dev19": QUERIES / "dev19",
    "dev20": QUERIES / "dev20",
    "dev21": QUERIES / "dev21",
    "dev22": QUERIES / "dev22",
    "dev23": QUERIES / "dev23",
    "dev24": QUERIES / "dev24",
    "dev25": QUERIES / "dev25",
    "dev26": QUERIES / "dev26",
    "dev27": QUERIES / "dev27",
    "dev28": QUERIES / "dev28",
    "dev29": QUERIES / "dev29",
    "dev30": QUERIES / "dev30",
    "dev31": QUERIES / "dev31",
    "dev32": QUERIES / "dev32",
    "dev33": QUERIES / "dev33",
    "dev34": QUERIES / "dev34",
    "dev35": QUERIES / "dev35",
    "dev36": QUERIES / "dev36",
    "dev37": QUERIES / "dev37",
    "dev38": QUERIES / "dev38",
    "dev39": QUERIES / "dev39",
    "dev40": QUERIES / "dev40",
    "dev41": QUERIES / "dev41",
    "dev42": QUERIES / "dev42",
    "dev43": QUERIES / "dev43",
    "dev44": QUERIES / "dev44",
    "dev45": QUERIES / "dev45",
    "dev46": QUERIES / "dev46",
    "dev47": QUERIES / "dev47",
    "dev48": QUERIES / "dev48",
    "dev49": QUERIES / "dev49",
    "dev50": QUERIES / "dev50",
    "dev51": QUERIES / "dev51",
    "dev52": QUERIES / "dev52",
    "dev53": QUERIES / "dev53",
    "dev54": QUERIES / "dev54",
    "dev55": QUERIES / "dev55",
    "dev56": QUERIES / "dev56",
    "dev57": QUERIES / "dev57",
    "dev58": QUERIES / "dev58",
    "dev59": QUERIES / "dev59",
    "dev60": QUERIES / "dev60",
    "dev61": QUERIES / "dev61",
    "dev62": QUERIES / "dev62",
    "dev63": QUERIES / "dev63",
    "dev64": QUERIES / "dev64",
    "dev65": QUERIES / "dev65",
    "dev66": QUERIES / "dev66",
    "dev67": QUERIES / "dev67",
    "dev68": QUERIES / "dev68",
    "dev69": QUERIES / "dev69",
    "dev70": QUERIES / "dev70",
    "dev71": QUERIES / "dev71",
    "dev72": QUERIES / "dev72",
    "dev73": QUERIES / "dev73",
    "dev74": QUERIES / "dev74",
    "dev75": QUERIES / "dev75",
    "dev76": QUERIES / "dev76",
    "dev77": QUERIES / "dev77",
    "dev78": QUERIES / "dev78",
    "dev79": QUERIES / "dev79",
    "dev80": QUERIES / "dev80",
    "dev81": QUERIES / "dev81",
    "dev82": QUERIES / "dev82",
    "dev83": QUERIES / "dev83",
    "dev84": QUERIES / "dev84",
    "dev85": QUERIES / "dev85",
    "dev86": QUERIES / "dev86",
    "dev87": QUERIES / "dev87",
    "dev88": QUERIES / "dev88",
    "dev89": QUERIES / "dev89",
    "dev90": QUERIES / "dev90",
    "dev91": QUERIES / "dev91",
    "dev92": QUERIES / "dev92",
    "dev93": QUERIES / "dev93",
    "dev94": QUERIES / "dev94",
    "dev95": QUERIES / "dev95",
    "dev96": QUERIES / "dev96",
    "dev97": QUERIES / "dev97",
    "dev98": QUERIES / "dev98",
    "dev99": QUERIES / "dev99",
    "dev100": QUERIES / "dev100",
    "dev101": QUERIES / "dev101",
    "dev102": QUERIES / "dev102",
    "dev103": QUERIES / "dev103",
    "dev104": QUERIES / "dev104",
    "dev105": QUERIES / "dev105",
    "dev106": QUERIES / "dev106",
    "dev107": QUERIES / "dev107",
    "dev108": QUERIES / "dev108",
    "dev109": QUERIES / "dev109",
    "dev110": QUERIES / "dev110",
    "dev111": QUERIES / "dev111",
    "dev112": QUERIES / "dev112",
    "dev113": QUERIES / "dev113",
    "dev114": QUERIES / "dev114",
    "dev115": QUERIES / "dev115",
    "dev116": QUERIES / "dev116",
    "dev117": QUERIES / "dev117",
    "dev118": QUERIES / "dev118",
    "dev119": QUERIES / "dev119",
    "dev120": QUERIES / "dev120",
    "dev121": QUERIES / "dev121",
    "dev122": QUERIES / "dev122",
    "dev123": QUERIES / "dev123",
    "dev124": QUERIES / "dev124",
    "dev125": QUERIES / "dev125",
    "dev126": QUERIES / "dev126",
    "dev127": QUERIES / "dev127",
    "dev128": QUERIES / "dev128",
    "dev129": QUERIES / "dev129",
    "dev130": QUERIES / "dev130",
    "dev131": QUERIES / "dev131",
    "dev132": QUERIES / "dev132",
    "dev133": QUERIES / "dev133",
    "dev134": QUERIES / "dev134",
    "dev135": QUERIES / "dev135",
    "dev136": QUERIES / "dev136",
    "dev137": QUERIES / "dev137",
    "dev138": QUERIES / "dev138",
    "dev139": QUERIES / "dev139",
    "dev140": QUERIES / "dev140",
    "dev141": QUERIES / "dev141",
    "dev142": QUERIES / "dev142",
    "dev143": QUERIES / "dev143",
    "dev144": QUERIES / "dev144",
    "dev145": QUERIES / "dev145",
    "dev146": QUERIES / "dev146",
    "dev147": QUERIES / "dev147",
    "dev148": QUERIES / "dev148",
    "dev149": QUERIES / "dev149",
    "dev150": QUERIES / "dev150",
    "validation": QUERIES / "validation",
    "heldout": HELDOUT,
}
KNOWN = 150
"""Known-item requests per API at most."""
UNSEEN = ("validation", "heldout")
"""Sets whose misses are never listed: looking into them would make them tuning sets."""
DOCUMENTS = {
    "github": "github-rest",
    "stripe": "stripe",
    "kubernetes": "kubernetes-1.13",
    "netlify": "netlify",
    "directus": "directus",
    "rclone": "rclone-rc",
    "figma": "figma",
}
DIRECTORY = {
    "graph": "microsoft.com/graph",
    "jira": "atlassian.com/jira",
    "slack": "slack.com",
    "zoom": "zoom.us",
    "docusign": "docusign.net",
    "box": "box.com",
    "asana": "asana.com",
    "twilio": "twilio.com/api",
    "gitlab": "gitlab.com",
    "gdrive": "googleapis.com/drive",
    "square": "squareup.com",
    "mailchimp": "mailchimp.com",
    "compute": "googleapis.com/compute",
    "gitea": "gitea.io",
    "bitbucket": "bitbucket.org",
    "digitalocean": "digitalocean.com",
    "linode": "linode.com",
    "netbox": "netbox.dev",
    "sendgrid": "sendgrid.com",
    "trello": "trello.com",
    "vercel": "vercel.com",
    "xero": "xero.com/xero_accounting",
    "zuora": "zuora.com",
    "vimeo": "vimeo.com",
    "telnyx": "telnyx.com",
    "magento": "magento.com",
    "keycloak": "keycloak.local",
    "jellyfin": "jellyfin.local",
    "ec2": "amazonaws.com/ec2",
    "plaid": "plaid.com",
    "azureweb": "azure.com/web-WebApps",
    "iam": "amazonaws.com/iam",
    "mist": "mist.com",
    "appcenter": "appcenter.ms",
    "gmail": "googleapis.com/gmail",
    "gcalendar": "googleapis.com/calendar",
    "youtube": "googleapis.com/youtube",
    "twitter": "twitter.com/current",
    "autotask": "autotask.net",
    "rds": "amazonaws.com/rds",
    "filescom": "files.com",
    "appstore": "apple.com/app-store-connect",
    "bunq": "bunq.com",
    "meraki": "meraki.com",
    "drchrono": "drchrono.com",
    "peertube": "cpy.re/peertube",
    "trakt": "trakt.tv",
    "sagemaker": "amazonaws.com/sagemaker",
    "clicksend": "clicksend.com",
    "dracoon": "dracoon.team",
    "mastodon": "mastodon.local",
    "influx": "influxdata.com",
    "gadmin": "googleapis.com/admin",
    "ssm": "amazonaws.com/ssm",
    "launchdarkly": "launchdarkly.com",
    "hetzner": "hetzner.cloud",
    "spotify": "spotify.com",
    "payrun": "payrun.io",
    "clever": "clever-cloud.com",
    "orthanc": "orthanc-server.com",
    "iot": "amazonaws.com/iot",
    "osisoft": "osisoft.com",
    "rubrik": "rubrikinc.github.io",
    "eve": "evetech.net",
    "xtrf": "xtrf.eu",
    "gsm": "gsmtasks.com",
    "docker": "docker.com/engine",
    "adyen": "adyen.com/ManagementService-v3",
    "s3": "amazonaws.com/s3",
    "apacta": "apacta.com",
    "lambda": "amazonaws.com/lambda",
    "postman": "getpostman.com",
    "crm": "data2crm.com",
    "tracking": "here.com/tracking",
    "connect": "amazonaws.com/connect",
    "conversations": "twilio.com/twilio_conversations_v1",
    "gcs": "googleapis.com/storage",
    "beezup": "beezup.com",
    "glue": "amazonaws.com/glue",
    "motaword": "motaword.com",
    "clearblade": "clearblade.com",
    "brex": "brex.io",
    "cloudformation": "amazonaws.com/cloudformation",
    "content": "googleapis.com/content",
    "reverb": "reverb.com",
    "visma": "visma.net",
    "lightsail": "amazonaws.com/lightsail",
    "cognito": "amazonaws.com/cognito-idp",
    "telegram": "telegram.org",
    "dfareporting": "googleapis.com/dfareporting",
    "sesv2": "amazonaws.com/sesv2",
    "route53": "amazonaws.com/route53",
    "osf": "osf.io",
    "vtex": "vtex.local/Catalog-API",
    "cloudfront": "amazonaws.com/cloudfront",
    "sns": "amazonaws.com/sns",
    "aiplatform": "googleapis.com/aiplatform",
    "loket": "loket.nl",
    "apigateway": "amazonaws.com/apigateway",
    "elasticache": "amazonaws.com/elasticache",
    "unicourt": "unicourt.com",
    "pinpoint": "amazonaws.com/pinpoint",
    "increase": "increase.com",
    "stackexchange": "stackexchange.com",
    "akeneo": "akeneo.com",
    "redshift": "amazonaws.com/redshift",
    "figshare": "figshare.com",
    "jumpseller": "jumpseller.com",
    "codat": "codat.io/accounting",
    "alerter": "alertersystem.com",
    "salesloft": "salesloft.com",
    "snyk": "snyk.io",
    "airflow": "apache.org/airflow",
    "discourse": "discourse.local",
    "appwrite": "appwrite.io/server",
    "mux": "mux.com",
    "shipengine": "shipengine.com",
    # APIs.guru files Lucidtech's document under webflow.com.
    "lucidtech": "webflow.com",
    "superset": "superset.apache.local/superset",
    "anchore": "anchore.io",
    "victorops": "victorops.com",
    "meilisearch": "meilisearch.com",
    "mandrill": "mandrillapp.com",
    "swaggerhub": "swaggerhub.com",
    "stream": "stream-io-api.com",
    "avaza": "avaza.com",
    "shutterstock": "shutterstock.com",
    "callfire": "callfire.com",
    "configcat": "configcat.com",
    "taskrouter": "twilio.com/twilio_taskrouter_v1",
    "economic": "e-conomic.com",
    "velo": "velopayments.com",
    "wowza": "wowza.com",
    "devops": "visualstudio.com",
    "vrni": "vmware.local/vrni",
    "quicksight": "amazonaws.com/quicksight",
    "apigee": "googleapis.com/apigee",
    "bungie": "bungie.net",
    "api2cart": "api2cart.com",
    "onsched": "onsched.com/setup",
    "chime": "amazonaws.com/chime",
    "servicefabric": "azure.com/servicefabric",
    "luis": "azure.com/cognitiveservices-LUIS-Authoring",
    "rudder": "rudder.example.local",
    "probely": "probely.com",
    "autoscaling": "amazonaws.com/autoscaling",
    "neptune": "amazonaws.com/neptune",
    "illumidesk": "illumidesk.com",
    "devtestlabs": "azure.com/devtestlabs-DTL",
    "agco": "agco-ats.com",
    "monarch": "monarchinitiative.org",
    "vocadb": "vocadb.net",
    "ses": "amazonaws.com/email",
    "factfinder": "naviplancentral.com/factfinder",
    "circuit": "circuitsandbox.net",
    "britbox": "britbox.co.uk",
    "mimic": "gambitcomm.local/mimic",
    "billbee": "billbee.io",
    "severa": "visma.com",
    "azcompute": "azure.com/compute",
    "androidpub": "googleapis.com/androidpublisher",
    "codecommit": "amazonaws.com/codecommit",
    "workmail": "amazonaws.com/workmail",
    "flatio": "flat.io",
    "justeat": "just-eat.co.uk",
    "spoonacular": "spoonacular.com",
    "ganalytics": "googleapis.com/analytics",
    "keyvault": "azure.com/keyvault",
    "signl4": "signl4.com",
    "gamelift": "amazonaws.com/gamelift",
    "clickmeter": "clickmeter.com",
    "etherpad": "etherpad.local",
    "obs": "opensuse.org/obs",
    "tfl": "tfl.gov.uk",
    "ebaymkt": "ebay.com/sell-marketing",
    "classroom": "googleapis.com/classroom",
    "awsbackup": "amazonaws.com/backup",
    "combell": "combell.com",
    "adafruit": "adafruit.com",
    "traccar": "traccar.org",
    "guardduty": "amazonaws.com/guardduty",
    "yodlee": "yodlee.com",
    "servicebus": "azure.com/servicebus",
    "gke": "googleapis.com/container",
    "athena": "amazonaws.com/athena",
    "bigoven": "bigoven.com",
    "cloudwatch": "amazonaws.com/monitoring",
    "azbatch": "windows.net/batch-BatchService",
    "bbc": "bbc.co.uk",
    "tba": "thebluealliance.com",
    "adyenmgmt": "adyen.com/ManagementService",
    "jiraserver": "jira.local",
    "beanstalk": "amazonaws.com/elasticbeanstalk",
    "hris": "apideck.com/hris",
    "airbyte": "airbyte.local/config",
    "bigredcloud": "bigredcloud.com",
    "svix": "svix.com",
    "exavault": "exavault.com",
    "ecs": "amazonaws.com/ecs",
    "crmdeck": "apideck.com/crm",
    "godaddy": "ote-godaddy.com/domains",
    "dynamodb": "amazonaws.com/dynamodb",
    "sinao": "sinao.app",
    "aznetwork": "azure.com/network",
    "otoroshi": "maif.local/otoroshi",
    "fecru": "fecru.local",
    "cwlogs": "amazonaws.com/logs",
    "cosmosdb": "azure.com/cosmos-db",
    "sqs": "amazonaws.com/sqs",
    "gpeople": "googleapis.com/people",
    "awsorgs": "amazonaws.com/organizations",
    "azlogic": "azure.com/logic",
    "pocketsmith": "pocketsmith.com",
    "soundcloud": "soundcloud.com",
    "appveyor": "appveyor.com",
    "apiacct": "apideck.com/accounting",
    "iqualify": "iqualify.com",
    "tagmanager": "googleapis.com/tagmanager",
    "gerer": "gerermesaffaires.com",
    "rumble": "rumble.run",
    "sqladmin": "googleapis.com/sqladmin",
    "tverify": "twilio.com/twilio_verify_v2",
    "mybusiness": "googleapis.com/my-business",
    "kms": "amazonaws.com/kms",
    "eventbridge": "amazonaws.com/eventbridge",
    "envoice": "envoice.in",
    "getty": "gettyimages.com",
    "redirio": "redirection.io",
    "apigw2": "amazonaws.com/apigatewayv2",
    "meshery": "meshery.local",
    "azbilling": "azure.com/billing",
    "appwritec": "appwrite.io/client",
    "tchat": "twilio.com/twilio_chat_v2",
    "apivideo": "api.video",
    "codebuild": "amazonaws.com/codebuild",
    "appengine": "googleapis.com/appengine",
    "whatsapp": "whatsapp.local",
    "gbooks": "googleapis.com/books",
    "azresources": "azure.com/resources",
    "workspaces": "amazonaws.com/workspaces",
    "awsconfig": "amazonaws.com/config",
    "codedeploy": "amazonaws.com/codedeploy",
    "shopping": "googleapis.com/shoppingcontent",
    "twflex": "twilio.com/twilio_flex_v1",
    "elbv2": "amazonaws.com/elasticloadbalancingv2",
    "pandascore": "pandascore.co",
    "ecr": "amazonaws.com/ecr",
    "apos": "apideck.com/pos",
    "glogging": "googleapis.com/logging",
    "twmsg": "twilio.com/twilio_messaging_v1",
    "dialogflow": "googleapis.com/dialogflow",
    "fec": "fec.gov",
    "netboxdemo": "netboxdemo.com",
    "twsync": "twilio.com/twilio_sync_v1",
    "rekognition": "amazonaws.com/rekognition",
    "gdns": "googleapis.com/dns",
    "cloudsql": "googleapis.com/sql",
    "cwevents": "amazonaws.com/events",
    "workdocs": "amazonaws.com/workdocs",
    "securityhub": "amazonaws.com/securityhub",
    "ynab": "youneedabudget.com",
    "comprehend": "amazonaws.com/comprehend",
    "postmark": "postmarkapp.com/server",
    "dms": "amazonaws.com/dms",
    "dockerhub": "docker.com/hub",
    "androident": "googleapis.com/androidenterprise",
    "braze": "braze.com",
    "datafactory": "azure.com/datafactory",
    "bigquery": "googleapis.com/bigquery",
    "eks": "amazonaws.com/eks",
    "sfn": "amazonaws.com/states",
    "cloudtrail": "amazonaws.com/cloudtrail",
    "docdb": "amazonaws.com/docdb",
    "kendra": "amazonaws.com/kendra",
    "apimgmt": "azure.com/apimanagement-apimapis",
    "ghealth": "googleapis.com/healthcare",
    "secrets": "amazonaws.com/secretsmanager",
    "codepipeline": "amazonaws.com/codepipeline",
    "efs": "amazonaws.com/elasticfilesystem",
    "gchat": "googleapis.com/chat",
    "eventhub": "azure.com/eventhub-EventHub",
    "cloudidentity": "googleapis.com/cloudidentity",
    "appsync": "amazonaws.com/appsync",
    "kinesis": "amazonaws.com/kinesis",
    "wafv2": "amazonaws.com/wafv2",
    "spanner": "googleapis.com/spanner",
    "appservice": "azure.com/web-service",
    "amplify": "amazonaws.com/amplify",
    "gotowebinar": "getgo.com/gotowebinar",
    "devto": "dev.to",
    "cloudkms": "googleapis.com/cloudkms",
    "apprunner": "amazonaws.com/apprunner",
    "twvideo": "twilio.com/twilio_video_v1",
    "twserverless": "twilio.com/twilio_serverless_v1",
    "ebayacct": "ebay.com/sell-account",
    "apicurio": "apicurio.local/registry",
    "apdfiles": "apideck.com/file-storage",
    "conjur": "conjur.local",
    "wiremock": "wiremock.org/admin",
    "adyenbp": "adyen.com/BalancePlatformService",
    "transfer": "amazonaws.com/transfer",
    "dataproc": "googleapis.com/dataproc",
    "acr": "azure.com/containerregistry",
    "memorydb": "amazonaws.com/memorydb",
    "codeartifact": "amazonaws.com/codeartifact",
    "gvault": "googleapis.com/vault",
    "clouddeploy": "googleapis.com/clouddeploy",
    "ram": "amazonaws.com/ram",
    "datasync": "amazonaws.com/datasync",
    "dataflow": "googleapis.com/dataflow",
    "awsloc": "amazonaws.com/location",
    "cleveredu": "clever.com",
    "opensearch": "amazonaws.com/opensearch",
    "macie": "amazonaws.com/macie2",
    "netfw": "amazonaws.com/network-firewall",
    "vtexco": "vtex.local/Checkout-API",
    "fsx": "amazonaws.com/fsx",
    "r53resolver": "amazonaws.com/route53resolver",
    "gretail": "googleapis.com/retail",
    "personalize": "amazonaws.com/personalize",
    "devicefarm": "amazonaws.com/devicefarm",
    "tvmaze": "tvmaze.com",
    "transcribe": "amazonaws.com/transcribe",
    "lakeformation": "amazonaws.com/lakeformation",
    "servicecatalog": "amazonaws.com/servicecatalog",
    "storagegw": "amazonaws.com/storagegateway",
    "appstream": "amazonaws.com/appstream",
    "lexv2": "amazonaws.com/models.lex.v2",
    "opsworks": "amazonaws.com/opsworks",
    "sitewise": "amazonaws.com/iotsitewise",
    "proton": "amazonaws.com/proton",
    "asr": "azure.com/recoveryservicessiterecovery-service",
    "azbatch2": "azure.com/batch-BatchService",
    "imagebuilder": "amazonaws.com/imagebuilder",
    "budgea": "biapi.pro",
    "gwallet": "googleapis.com/walletobjects",
    "slicebox": "slicebox.local",
    "noosh": "noosh.com",
    "netmanager": "amazonaws.com/networkmanager",
    "chaingw": "chaingateway.io",
    "ixapi": "ix-api.net",
    "omics": "amazonaws.com/omics",
    "ocmarket": "openchannel.io/market",
    "edrv": "edrv.io",
    "shinobi": "hillbillysoftware.com/shinobi",
    "smartme": "smart-me.com",
    "crucible": "crucible.local",
    "iotwireless": "amazonaws.com/iotwireless",
    "frauddet": "amazonaws.com/frauddetector",
    "marketcheck": "apigee.net/marketcheck-cars",
    "twine": "twinehealth.com",
    "cfb": "collegefootballdata.com",
    "netlifyguru": "netlify.com",
    "sonallux": "spotify.com/sonallux",
    "forecast": "amazonaws.com/forecast",
    "wellarch": "amazonaws.com/wellarchitected",
    "custprof": "amazonaws.com/customer-profiles",
    "threatjam": "threatjammer.com",
    "chimemsg": "amazonaws.com/chime-sdk-messaging",
    "trusthub": "twilio.com/twilio_trusthub_v1",
    "daniweb": "daniweb.com",
    "uebermaps": "uebermaps.com",
    "robomaker": "amazonaws.com/robomaker",
    "watchful": "watchful.li",
    "clubhouse": "clubhouseapi.com",
    "paylocity": "paylocity.com",
    "learnifier": "learnifier.com",
    "directconnect": "amazonaws.com/directconnect",
    "costexplorer": "amazonaws.com/ce",
    "racing": "theracingapi.com",
    "netlicensing": "netlicensing.io",
    "pendo": "pendo.io",
    "drs": "amazonaws.com/drs",
    "handwrytten": "handwrytten.com",
    "appconfig": "amazonaws.com/appconfig",
    "firefin": "fire.com",
    "powerdns": "powerdns.local",
    "rawg": "rawg.io",
    "aem": "adobe.com/aem",
    "dirservice": "amazonaws.com/ds",
    "inspector2": "amazonaws.com/inspector2",
    "postcodes": "ideal-postcodes.co.uk",
    "openai": "openai.com",
    "letmc": "letmc.com/free-tier",
    "mailscript": "mailscript.com",
    "twproxy": "twilio.com/twilio_proxy_v1",
    "ssmcontacts": "amazonaws.com/ssm-contacts",
    "codecatalyst": "amazonaws.com/codecatalyst",
    "tcgdex": "tcgdex.net",
    "instagram": "instagram.com",
    "r53domains": "amazonaws.com/route53domains",
    "flickr": "flickr.com",
    "microcks": "microcks.local",
    "frankie": "frankiefinancial.io",
    "auditmgr": "amazonaws.com/auditmanager",
    "dataform": "googleapis.com/dataform",
    "taxamo": "taxamo.com",
    "azcdn": "azure.com/cdn",
    "twchat": "twilio.com/twilio_chat_v1",
    "smsvoice": "amazonaws.com/pinpoint-sms-voice-v2",
    "medium": "medium.com",
    "gotomeeting": "citrixonline.com/gotomeeting",
    "billingo": "billingo.hu",
    "nordigen": "nordigen.com",
    "vpclattice": "amazonaws.com/vpc-lattice",
    "s3control": "amazonaws.com/s3control",
    "soccerstats": "sportsdata.io/soccer-v3-stats",
    "lgtm": "lgtm.com",
    "zoomconnect": "zoomconnect.com",
    "rsserverless": "amazonaws.com/redshift-serverless",
    "databrew": "amazonaws.com/databrew",
    "geodb": "mashape.com/geodb",
    "wikimedia": "wikimedia.org",
    "channel4": "channel4.com",
    "ptv": "ptv.vic.gov.au",
    "surevoip": "surevoip.co.uk",
    "twvoice": "twilio.com/twilio_voice_v1",
    "dnd5e": "dnd5eapi.co",
    "openaq": "openaq.local",
    "parliament": "parliament.uk/members",
    "obpayments": "openbanking.org.uk/payment-initiation-openapi",
    "cloudmap": "amazonaws.com/servicediscovery",
    "paypasses": "walletobjects.googleapis.com/pay-passes",
    "azmariadb": "azure.com/mariadb",
}
"""APIs of APIs.guru's directory (``benchmarks/directory.py``), by their ids there."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sets",
        default="tuned,dev",
        help="comma-separated: " + ",".join([*SETS, "known"]),
    )
    parser.add_argument(
        "--apis",
        default=",".join([*DOCUMENTS, *DIRECTORY]),
        help="comma-separated API keys",
    )
    parser.add_argument("--misses", action="store_true", help="list the requests missed")
    parser.add_argument(
        "--framings",
        action="store_true",
        help="also rank each request framed as people open or close one (FRAMINGS) and "
        "print the totals of each framing",
    )
    parser.add_argument(
        "--wrappings",
        action="store_true",
        help="also rank each command in each of the 80 wrappings of queries/wrappings.json "
        "and print what they cost",
    )
    parser.add_argument(
        "--search",
        choices=("hybrid", "lexical"),
        default="hybrid",
        help="how the servers rank (as mcpgen server --search; hybrid needs wordllama, which "
        "the test extras install)",
    )
    args = parser.parse_args()
    sets = [s for s in args.sets.split(",") if s]
    if args.misses and any(s in UNSEEN for s in sets):
        parser.error(
            "--misses is for tuning; the validation and held-out sets are never looked into"
        )
    documents = corpus()
    totals: dict[str, list[int | None]] = {s: [] for s in sets}
    framed_totals: dict[tuple[str, str], list[int | None]] = {}
    wrapped_totals: dict[str, list[int | None]] = {}
    with tempfile.TemporaryDirectory(prefix="mcpgen-search-") as tmp:
        for api in args.apis.split(","):
            wanted = {s: load_queries(api, SETS[s]) for s in sets if s != "known"}
            if not any(wanted.values()) and "known" not in sets:
                continue
            out = Path(tmp) / api
            path = (
                directory_document(DIRECTORY[api])
                if api in DIRECTORY
                else documents[DOCUMENTS[api]].path
            )
            _, package, _ = generate(path, out, api, "discovery", args.search)
            folder = out / package
            if "known" in sets:
                wanted["known"] = known_items(folder)
            for name, queries in wanted.items():
                if not queries:
                    continue
                results = ranked(folder, queries)
                ours = [r.ours for r in results]
                theirs = [r.theirs for r in results]
                if args.misses:
                    for r in results:
                        if r.ours is None or r.ours > 5:
                            _miss(r.query, r.found, r.ours)
                totals[name].extend(ours)
                print(
                    f"{api:11} {name:8} n={len(queries):3}  mcpgen {_row(ours)}   "
                    f"bm25 {_row(theirs)}",
                    flush=True,
                )
                if args.framings or args.wrappings:
                    index = Index(json.loads((folder / "search.json").read_text("utf-8")))
                for framing in FRAMINGS if args.framings else ():
                    framed_ranks = index_ranks(index, [framed(q, framing) for q in queries])
                    framed_totals.setdefault((name, framing), []).extend(framed_ranks)
                for template in WRAPPINGS if args.wrappings else ():
                    wrapped_ranks = index_ranks(index, [wrapped(q, template) for q in queries])
                    wrapped_totals.setdefault(template, []).extend(wrapped_ranks)
    for name, ranks in totals.items():
        if ranks:
            print(f"{'all':11} {name:8} n={len(ranks):3}  mcpgen {_row(ranks)}")
    for (name, framing), ranks in framed_totals.items():
        print(f"{'all':11} {name:8} n={len(ranks):3}  {framing:10} {_row(ranks)}")
    if framed_totals and len(sets) > 1:
        # Every set at once: as written, then each framing.
        written = [r for name in sets for r in totals[name]]
        print(f"{'all':11} {'sets':8} n={len(written):3}  {'as written':10} {_row(written)}")
        for framing in FRAMINGS:
            ranks = [r for name in sets for r in framed_totals.get((name, framing), [])]
            print(f"{'all':11} {'sets':8} n={len(ranks):3}  {framing:10} {_row(ranks)}")
    if wrapped_totals:
        _wrapping_costs([r for name in sets for r in totals[name]], wrapped_totals)


FRAMINGS = {
    "hey": "Hey, can you please {}",
    "need": "I need to {}",
    "trying": "I'm trying to {}",
    "looking": "I'm looking to {}",
    "how": "How do I {}?",
    "show": "Show me how to {}",
    "possible": "Would it be possible to {}?",
    "label": "Quick one: {}",
    "thanks": "{}. Thanks!",
    "which": "Which API call lets me {}?",
    "endpoint": "Is there an endpoint to {}?",
    "can": "Can I {}?",
    "api": "I need an API to {}",
    "context": "I'm working on the Q3 report. {}",
    "chance": "When you get a chance, {}",
    "find": "Find the operation to {}",
    "call": "What call do I make to {}?",
    "know": "Do you know how to {}?",
    "easiest": "What's the easiest way to {}?",
}
"""Ways people open or close a request, or tell something before it, that do not change
what it asks (``--framings``):
each frames the requests that are commands (not those that end in "?"); the others
stay as written, so that each framing's figures compare with the set's as written."""


WRAPPINGS: list[str] = json.loads((QUERIES / "wrappings.json").read_text("utf-8"))
"""80 ways of wrapping a command (``--wrappings``), each with one ``{}``, written apart from
the method by someone who saw neither it nor the query sets."""


def wrapped(query: Query, template: str) -> Query:
    """``query`` wrapped in ``template`` (``WRAPPINGS``, ``FRAMINGS``) where it is a
    command: its first letter in lower case but where the wrapping opens with it or puts it
    after a sentence, its closing punctuation left to the wrapping."""
    text = query.query
    if text.endswith("?"):
        return query
    if not template.startswith("{}") and ". {}" not in template:
        text = text[:1].lower() + text[1:]
    return Query(template.format(text.rstrip(".!")), query.answers)


def _wrapping_costs(written: list[int | None], wrapped_totals: dict[str, list[int | None]]) -> None:
    """What the wrappings cost against the sets as written: top-five and first answers in
    all, and the five wrappings that cost most."""

    def hits(ranks: list[int | None], top: int) -> int:
        return sum(1 for r in ranks if r is not None and r <= top)

    five, first = hits(written, 5), hits(written, 1)
    costs = sorted(
        (five - hits(ranks, 5), first - hits(ranks, 1), template)
        for template, ranks in wrapped_totals.items()
    )
    print(
        f"wrappings: {len(costs)} x {len(written)} requests: top five lost "
        f"{sum(c[0] for c in costs):,} of {five * len(costs):,}, first lost "
        f"{sum(c[1] for c in costs):,} of {first * len(costs):,}"
    )
    for lost_five, lost_first, template in costs[::-1][:5]:
        print(f"  top five -{lost_five}, first -{lost_first}: {template}")


def framed(query: Query, framing: str) -> Query:
    """``query`` framed (``FRAMINGS``), as ``wrapped`` wraps it."""
    return wrapped(query, FRAMINGS[framing])


def index_ranks(index: Index, queries: list[Query]) -> list[int | None]:
    """Where mcpgen's search (``index``, made once for every framing) ranks each request's
    answer (None: not in the top ten)."""
    return [
        rank([f"{r['method']} {r['path']}" for r in index.search(q.query, TOP)], q.answers)
        for q in queries
    ]


def known_items(folder: Path) -> tuple[Query, ...]:
    """Each operation with a title of its own, its title as the request (``KNOWN`` at most,
    evenly spread over the API)."""
    tools = json.loads((folder / "operations.json").read_bytes())["tools"]
    titles = Counter(tool.get("title") for tool in tools)
    unique = [t for t in tools if t.get("title") and titles[t["title"]] == 1]
    step = max(1, math.ceil(len(unique) / KNOWN))
    return tuple(
        Query(t["title"], frozenset({f"{t['http']['method']} {t['http']['path']}"}))
        for t in unique[::step]
    )


def _row(ranks: list[int | None]) -> str:
    q = quality(ranks)
    return f"R@1 {q['recall_at_1']:.3f} R@5 {q['recall_at_5']:.3f} MRR {q['mrr']:.3f}"


def _miss(query: Query, found: list[str], position: int | None) -> None:
    where = f"at {position}" if position else "not in top 10"
    print(f"  MISS ({where}) {query.query!r}")
    print(f"       want {sorted(query.answers)[:3]}")
    for key in found[:3]:
        print(f"       got  {key}")


if __name__ == "__main__":
    main()
