"""The lesson's sample program: get an access token with the client credentials flow.

It does what the seed's Python program does (POST client_id, client_secret and grant_type as a
form to /token and print the token), pointed at a FlowLab server, and then calls the protected
API with the token. Without credentials it uses the lesson's demo client myapp123 / secret456.

    python3 examples/client_credentials.py                      # http://localhost:3000
    python3 examples/client_credentials.py http://127.0.0.1:3101
    FLOWLAB_URL=http://127.0.0.1:3101 python3 examples/client_credentials.py

With a client of your own, such as the one the Challenges page registered for you (it registered
client_secret_basic, so it must send its secret with HTTP Basic: --basic):

    python3 examples/client_credentials.py --basic --client-id ID --client-secret SECRET URL
    FLOWLAB_CLIENT_ID=ID FLOWLAB_CLIENT_SECRET=SECRET python3 examples/client_credentials.py --basic URL

Needs the `requests` package (pip install requests).
"""

import argparse
import os
import sys

import requests

DEMO_CLIENT_ID = "myapp123"
DEMO_CLIENT_SECRET = "secret456"

parser = argparse.ArgumentParser(
    description="Get an access token from a FlowLab server (client credentials) and call its API.",
    epilog=f"Without --client-id and --client-secret it uses the lesson's demo client {DEMO_CLIENT_ID}.",
)
parser.add_argument(
    "base_url",
    nargs="?",
    default=os.environ.get("FLOWLAB_URL", "http://localhost:3000"),
    help="the FlowLab server (default: $FLOWLAB_URL or http://localhost:3000)",
)
parser.add_argument(
    "--client-id",
    default=os.environ.get("FLOWLAB_CLIENT_ID"),
    help="your client_id (default: $FLOWLAB_CLIENT_ID)",
)
parser.add_argument(
    "--client-secret",
    default=os.environ.get("FLOWLAB_CLIENT_SECRET"),
    help="your client_secret (default: $FLOWLAB_CLIENT_SECRET)",
)
parser.add_argument(
    "--basic",
    action="store_true",
    help="send the credentials with HTTP Basic (client_secret_basic), not in the body "
    "(client_secret_post): a client the Challenges page registered needs it",
)
args = parser.parse_args()

if (args.client_id is None) != (args.client_secret is None):
    parser.error(
        "give both --client-id and --client-secret (or FLOWLAB_CLIENT_ID and "
        "FLOWLAB_CLIENT_SECRET), or neither for the demo client"
    )
client_id = args.client_id or DEMO_CLIENT_ID
client_secret = args.client_secret or DEMO_CLIENT_SECRET
base_url = args.base_url.rstrip("/")
if not base_url.startswith(("http://", "https://")):
    parser.error(f"{args.base_url} is not an http:// or https:// URL (e.g. http://localhost:3000)")


def send(method, url, **kwargs):
    """The request, or a plain message (not a traceback) when the server cannot be reached."""
    try:
        return requests.request(method, url, timeout=10, **kwargs)
    except requests.RequestException as e:
        print(f"Cannot reach the FlowLab server at {url} ({type(e).__name__}). Is it running?")
        sys.exit(1)


def refusal(response):
    """A refusal in one line: the OAuth error body as sent, or what came instead of one."""
    if "json" in response.headers.get("Content-Type", ""):
        return f"{response.status_code} {response.text}"
    kind = response.headers.get("Content-Type", "no Content-Type")
    return (
        f"{response.status_code}, an answer in {kind}: not an OAuth error. "
        f"Is {base_url} the URL of a FlowLab server?"
    )


url = f"{base_url}/token"
data = {"grant_type": "client_credentials"}
auth = None
if args.basic:
    # requests sends auth=(id, secret) as an Authorization: Basic header (RFC 6749 §2.3.1)
    auth = (client_id, client_secret)
else:
    data = {"client_id": client_id, "client_secret": client_secret, **data}

# requests sends a dict given as `data` as application/x-www-form-urlencoded, as the flow requires.
response = send("POST", url, data=data, auth=auth)

if response.status_code == 200:
    token_info = response.json()
    print(f"Access token: {token_info['access_token']}")
else:
    print(f"Failed to get token: {refusal(response)}")
    sys.exit(1)

# Use the token: call the protected API with it in the Authorization header.
api = send(
    "GET",
    f"{base_url}/api/data",
    headers={"Authorization": f"Bearer {token_info['access_token']}"},
)
print(f"API status: {api.status_code}")
if api.status_code != 200:
    print(f"API refused: {refusal(api)}")
    sys.exit(1)
print(f"API client_id: {api.json().get('client_id')}")
